-- Each row is written once (docs/performance.md). The readers validate every row completely,
-- the registry checks included, and COPY the rows of the version in use straight into the
-- row tables below; the merge then decides versions, winners and ledgers for the keys the
-- night touched. The staging tables, and their copies at merge, are gone.
--
-- A row is located by the file it came from and its line (file_id, line_no); the contract's
-- identity of a row, (precinct, submission date, line), stays in its columns. Visits and
-- inspections are partitioned by submission date, one partition a day: a night's rows land
-- in the partitions of its dates, and the metrics read only the partitions of the days they
-- recompute (a visit's date is never after its submission date).

-- A run interrupted before this migration kept its read rows in the staging tables dropped
-- below, under a job this version no longer has: it must be finished by the version that
-- started it. Refuse to upgrade until then, rather than lose or re-read its files.
do $$
begin
    if exists (select 1 from ingest.file where state in ('new', 'pending', 'staged')) then
        raise exception 'an ingest run is unfinished: finish it with the previous version (jobs/nightly) before upgrading';
    end if;
end $$;
drop view ingest.staged_file_missing_rows;
drop table ingest.stage_visit, ingest.stage_dispute, ingest.stage_hazard, ingest.stage_inspection;

-- A run is recorded before its job starts and its id is a job parameter (a restart has the
-- same), so the run no longer needs to know its job instance.
alter table ingest.run drop column job_instance_id;

-- Discovery compares only the files changed since the last listing of the same inbox (by
-- their change time, set when a file is created, renamed or written), not months of files.
create table ingest.listing_mark (
    inbox         text        primary key,
    changed_since timestamptz not null
);

-- A rerun retires the records of the files it reads again and records them anew, so the
-- rows of the old record and of the new one never share a file_id.
alter table ingest.file drop column rerun_reset;
alter table ingest.file add column retired_by_run bigint references ingest.run;
create index file_retired_by_run on ingest.file (retired_by_run) where retired_by_run is not null;
alter table ingest.file drop constraint file_state_check;
alter table ingest.file add constraint file_state_check
    check (state in ('new', 'pending', 'read', 'quarantined', 'duplicate', 'stale', 'retired'));
alter table ingest.file drop constraint file_check;
alter table ingest.file add constraint file_quarantined_has_code
    check (state = 'retired' or (state = 'quarantined') = (code is not null));
alter table ingest.file drop constraint file_file_name_sha256_key;
create unique index file_name_and_bytes on ingest.file (file_name, sha256) where state <> 'retired';
-- a run's files, without reading the ledger of every earlier night
create index file_run on ingest.file (run_id);
-- the metrics ask which precincts have an active file on a day
create index file_active_day on ingest.file (submission_date, precinct_code) where active;

create or replace view ingest.file_ledger as
select distinct on (f.file_name)
       f.file_name,
       case
           when f.state = 'read' and f.active then 'loaded'
           when f.state = 'read' then 'superseded'
           when f.state in ('new', 'pending') then 'in_progress'
           else f.state
       end as outcome,
       f.code,
       f.rows_read,
       f.rows_loaded,
       f.rows_duplicate,
       f.rows_rejected,
       f.precinct_code,
       f.submission_date,
       f.kind,
       f.version,
       d.file_name as duplicate_of,
       f.detail,
       f.run_id
from ingest.file f
left join ingest.file d on d.file_id = f.duplicate_of
where f.state <> 'retired'
order by f.file_name, (f.state = 'read') desc, f.file_id desc;

create or replace view ingest.rejected_rows as
select f.file_name,
       r.line_no,
       array_to_string(r.codes, ',') as codes,
       r.raw_line
from ingest.rejected_row_store r
join ingest.file f using (file_id)
where f.state <> 'retired';

-- Visits and inspections ---------------------------------------------------------------
drop view core.visit;
drop view core.inspection;
alter table core.visit_row rename to visit_row_v9;
alter table core.inspection_row rename to inspection_row_v9;

create table core.visit_row (
    file_id         bigint  not null,
    line_no         integer not null,
    precinct_code   text    not null,
    submission_date date    not null,
    visit_id        text    not null,
    visit_date      date    not null,
    officer_id      text    not null,
    target_type     text    not null,
    target_code     text    not null,
    persons_reached integer not null,
    issues_found    integer not null,
    note            text
) partition by range (submission_date);
-- A file's rows: removing a replaced version, finding tonight's rows. Rows are appended in
-- the order files are read, and file ids grow with arrival, so a BRIN index of a few pages
-- per range finds them, where a b-tree would cost an insertion for every row written.
create index visit_row_file on core.visit_row using brin (file_id) with (pages_per_range = 16, autosummarize = on);
-- the visits of a unit or enterprise whose first visit left (rare: probed per partition)
create index visit_row_target on core.visit_row (target_code) where target_type <> 'venue';

create table core.inspection_row (
    file_id            bigint  not null,
    line_no            integer not null,
    precinct_code      text    not null,
    submission_date    date    not null,
    inspection_id      text    not null,
    inspection_date    date    not null,
    venue_id           text    not null,
    violations_found   integer not null,
    violations_handled integer not null
) partition by range (submission_date);
create index inspection_row_file on core.inspection_row using brin (file_id) with (pages_per_range = 16, autosummarize = on);

-- The partitions of these submission dates, created when the first file of a date is found.
create function core.add_day_partitions(days date[]) returns void language plpgsql as
$$
declare
    day date;
begin
    foreach day in array days loop
        execute format('create table if not exists core.%I partition of core.visit_row for values from (%L) to (%L)',
                       'visit_row_' || to_char(day, 'YYYYMMDD'), day, day + 1);
        execute format('create table if not exists core.%I partition of core.inspection_row for values from (%L) to (%L)',
                       'inspection_row_' || to_char(day, 'YYYYMMDD'), day, day + 1);
    end loop;
end
$$;

-- Contract section 4: of the rows sharing a key, the latest submission date wins, then the
-- later line. *_key holds each key's winner, *_beaten every other row of the key: together
-- they list every row of every key, so a night settles its keys by probing these, never by
-- reading the rows of earlier nights.
create table core.visit_key (
    precinct_code   text    not null,
    visit_id        text    not null,
    submission_date date    not null,
    line_no         integer not null,
    file_id         bigint  not null,
    primary key (precinct_code, visit_id)
);
create table core.visit_beaten (
    precinct_code   text    not null,
    visit_id        text    not null,
    submission_date date    not null,
    line_no         integer not null,
    file_id         bigint  not null,
    primary key (file_id, line_no)
);
create index on core.visit_beaten (precinct_code, visit_id);

create table core.inspection_key (
    precinct_code   text    not null,
    inspection_id   text    not null,
    submission_date date    not null,
    line_no         integer not null,
    file_id         bigint  not null,
    primary key (precinct_code, inspection_id)
);
create table core.inspection_beaten (
    precinct_code   text    not null,
    inspection_id   text    not null,
    submission_date date    not null,
    line_no         integer not null,
    file_id         bigint  not null,
    primary key (file_id, line_no)
);
create index on core.inspection_beaten (precinct_code, inspection_id);

select core.add_day_partitions(array(select submission_date from core.visit_row_v9
                                     union select submission_date from core.inspection_row_v9));

insert into core.visit_row (file_id, line_no, precinct_code, submission_date, visit_id, visit_date, officer_id,
                            target_type, target_code, persons_reached, issues_found, note)
select f.file_id, v.line_no, v.precinct_code, v.submission_date, v.visit_id, v.visit_date, v.officer_id,
       v.target_type, v.target_code, v.persons_reached, v.issues_found, v.note
from core.visit_row_v9 v
join ingest.file f on f.active and f.kind = 'visits'
                  and f.precinct_code = v.precinct_code and f.submission_date = v.submission_date;
insert into core.visit_key
select v.precinct_code, v.visit_id, v.submission_date, v.line_no, f.file_id
from core.visit_row_v9 v
join ingest.file f on f.active and f.kind = 'visits'
                  and f.precinct_code = v.precinct_code and f.submission_date = v.submission_date
where v.wins;
insert into core.visit_beaten
select v.precinct_code, v.visit_id, v.submission_date, v.line_no, f.file_id
from core.visit_row_v9 v
join ingest.file f on f.active and f.kind = 'visits'
                  and f.precinct_code = v.precinct_code and f.submission_date = v.submission_date
where not v.wins;

insert into core.inspection_row (file_id, line_no, precinct_code, submission_date, inspection_id, inspection_date,
                                 venue_id, violations_found, violations_handled)
select f.file_id, i.line_no, i.precinct_code, i.submission_date, i.inspection_id, i.inspection_date,
       i.venue_id, i.violations_found, i.violations_handled
from core.inspection_row_v9 i
join ingest.file f on f.active and f.kind = 'inspections'
                  and f.precinct_code = i.precinct_code and f.submission_date = i.submission_date;
insert into core.inspection_key
select i.precinct_code, i.inspection_id, i.submission_date, i.line_no, f.file_id
from core.inspection_row_v9 i
join ingest.file f on f.active and f.kind = 'inspections'
                  and f.precinct_code = i.precinct_code and f.submission_date = i.submission_date
where i.wins;
insert into core.inspection_beaten
select i.precinct_code, i.inspection_id, i.submission_date, i.line_no, f.file_id
from core.inspection_row_v9 i
join ingest.file f on f.active and f.kind = 'inspections'
                  and f.precinct_code = i.precinct_code and f.submission_date = i.submission_date
where not i.wins;

drop table core.visit_row_v9;
drop table core.inspection_row_v9;

-- The winners, as the metrics and people read them.
create view core.visit as
select r.precinct_code, r.visit_id, r.submission_date, r.line_no, r.visit_date, r.officer_id,
       r.target_type, r.target_code, r.persons_reached, r.issues_found, r.note
from core.visit_row r
where not exists (select 1 from core.visit_beaten b where b.file_id = r.file_id and b.line_no = r.line_no);

create view core.inspection as
select r.precinct_code, r.inspection_id, r.submission_date, r.line_no, r.inspection_date,
       r.venue_id, r.violations_found, r.violations_handled
from core.inspection_row r
where not exists (select 1 from core.inspection_beaten b where b.file_id = r.file_id and b.line_no = r.line_no);

-- What the metrics count of the winners, per precinct and day: visits and the persons they
-- reached, inspections and the violations found and handled. The merge moves these counts
-- by the winners a night adds and removes, so the metrics never read the rows again.
create table core.winners_per_day (
    kind               text    not null check (kind in ('visits', 'inspections')),
    precinct_code      text    not null,
    day                date    not null,
    winners            integer not null,
    persons_reached    bigint  not null,
    violations_found   bigint  not null,
    violations_handled bigint  not null,
    primary key (kind, precinct_code, day)
);
insert into core.winners_per_day
select 'visits', precinct_code, visit_date, count(*), sum(persons_reached), 0, 0
from core.visit
group by precinct_code, visit_date;
insert into core.winners_per_day
select 'inspections', precinct_code, inspection_date, count(*), 0, sum(violations_found), sum(violations_handled)
from core.inspection
group by precinct_code, inspection_date;

-- Case and hazard snapshots -------------------------------------------------------------
-- Every loaded line of the active files is kept (identical lines too: they change nothing).
alter table core.dispute_snapshot add column file_id bigint;
update core.dispute_snapshot s
set file_id = f.file_id
from ingest.file f
where f.active and f.kind = 'disputes' and f.precinct_code = s.precinct_code and f.submission_date = s.submission_date;
alter table core.dispute_snapshot alter column file_id set not null;
alter table core.dispute_snapshot drop constraint dispute_snapshot_pkey;
create index dispute_snapshot_file on core.dispute_snapshot using brin (file_id) with (pages_per_range = 16, autosummarize = on);

alter table core.hazard_snapshot add column file_id bigint;
update core.hazard_snapshot s
set file_id = f.file_id
from ingest.file f
where f.active and f.kind = 'hazards' and f.precinct_code = s.precinct_code and f.submission_date = s.submission_date;
alter table core.hazard_snapshot alter column file_id set not null;
alter table core.hazard_snapshot drop constraint hazard_snapshot_pkey;
create index hazard_snapshot_file on core.hazard_snapshot using brin (file_id) with (pages_per_range = 16, autosummarize = on);

-- The two ledgers in one shape, for the one pipeline that turns snapshots into events
-- (sql/merge/ledgers.sql): an item starts on its start date, is closed when resolved or
-- rectified, referred, and escalated when flagged.
create view core.ledger_snapshot as
select 'dispute' as ledger, precinct_code, case_id as item_id, submission_date, line_no,
       reported_date as start_date, status, status_date, escalated
from core.dispute_snapshot
union all
select 'hazard', precinct_code, hazard_id, submission_date, line_no, found_date, status, status_date, false
from core.hazard_snapshot;

-- The metrics recompute each part of a day's counts from the first day its own inputs
-- changed (sql/metrics/precinct_daily.sql); a day marked before this version changed them all.
alter table mart.dirty add column component text not null default 'all'
    check (component in ('all', 'visits', 'inspections', 'ledgers', 'reporting'));
alter table mart.dirty alter column component drop default;

-- What the events of a case or hazard follow from when a night only adds its next snapshot:
-- its attributes and their snapshot (the latest by submission date, line), its last status
-- date and the status there (sql/merge/ledgers.sql).
create table core.ledger_item (
    ledger                 text    not null,
    precinct_code          text    not null,
    item_id                text    not null,
    start_date             date    not null,
    escalated              boolean not null,
    latest_submission_date date    not null,
    latest_line_no         integer not null,
    last_status_date       date    not null,
    last_status            text    not null,
    primary key (ledger, precinct_code, item_id)
);
insert into core.ledger_item
select l.ledger, l.precinct_code, l.item_id, l.start_date, l.escalated, l.submission_date, l.line_no,
       s.status_date, s.status
from (select distinct on (ledger, precinct_code, item_id) *
      from core.ledger_snapshot
      order by ledger, precinct_code, item_id, submission_date desc, line_no desc) l
join (select distinct on (ledger, precinct_code, item_id) *
      from core.ledger_snapshot
      order by ledger, precinct_code, item_id, status_date desc, submission_date desc, line_no desc) s
  using (ledger, precinct_code, item_id);
