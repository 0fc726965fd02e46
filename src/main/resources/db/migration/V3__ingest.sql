-- Ingest (contract sections 2, 3, 4, 6): every file seen, its outcome and accounting,
-- every rejected row, and the staging tables rows pass through on their way to core.
create schema ingest;

-- One row per run of the ingest job (nightly or rerun); a restart continues the same run.
create table ingest.run (
    run_id           bigserial primary key,
    job_instance_id  bigint      not null unique,
    command          text        not null,
    inbox            text        not null,
    started_at       timestamptz not null default now(),
    finished_at      timestamptz
);

-- One row per distinct (file name, bytes) ever found in the inbox.
--   state: pending (to be read by this run), staged (read, rows in staging), read (merged),
--          quarantined (F01-F06, none of its rows used), duplicate (same bytes as an earlier
--          file), stale (a lower version arriving after a higher one).
--   active: this file is the version in use for its (precinct, date, kind).
create table ingest.file (
    file_id          bigserial primary key,
    run_id           bigint      not null references ingest.run,
    file_name        text        not null,
    sha256           text        not null,
    size_bytes       bigint      not null,
    modified_at      timestamptz not null,
    precinct_code    text,
    submission_date  date,
    kind             text check (kind in ('visits', 'disputes', 'hazards', 'inspections')),
    version          integer,
    state            text        not null check (state in ('new', 'pending', 'staged', 'read', 'quarantined', 'duplicate', 'stale')),
    code             text check (code in ('F01', 'F02', 'F03', 'F04', 'F05', 'F06')),
    detail           text,
    duplicate_of     bigint references ingest.file,
    partition_no     integer,
    encoding         text,
    active           boolean     not null default false,
    rows_read        integer     not null default 0,
    rows_loaded      integer     not null default 0,
    rows_duplicate   integer     not null default 0,
    rows_rejected    integer     not null default 0,
    unique (file_name, sha256),
    check ((state = 'quarantined') = (code is not null))
);
create index on ingest.file (sha256);
create index on ingest.file (precinct_code, submission_date, kind, version);
create index on ingest.file (run_id, partition_no, file_name) where state = 'pending';

-- Discovery scratch: the inbox listing and the new arrivals with their hash and parsed name.
create unlogged table ingest.listing (
    file_name   text        not null,
    size_bytes  bigint      not null,
    modified_at timestamptz not null
);
create unlogged table ingest.arrival (
    file_name       text        not null,
    sha256          text        not null,
    size_bytes      bigint      not null,
    modified_at     timestamptz not null,
    precinct_code   text,
    submission_date date,
    kind            text,
    version         integer
);

-- Rows rejected by R01-R09, with the raw line as received (personal data masked).
create table ingest.rejected_row_store (
    file_id  bigint  not null references ingest.file,
    line_no  integer not null,
    codes    text[]  not null,
    raw_line text    not null,
    primary key (file_id, line_no)
);

-- Staging: every record of the files read by the current run, typed where it parsed,
-- with the codes Java found (R01-R05, R08, R09); R06/R07 are added by SQL at merge.
create unlogged table ingest.stage_visit (
    file_id bigint not null, line_no integer not null, codes text[] not null, raw_line text not null,
    visit_id text, visit_date date, officer_id text, target_type text, target_code text,
    persons_reached integer, issues_found integer, note text);
create unlogged table ingest.stage_dispute (
    file_id bigint not null, line_no integer not null, codes text[] not null, raw_line text not null,
    case_id text, reported_date date, dispute_type text, unit_code text, status text, status_date date,
    mechanism text, escalated boolean, note text);
create unlogged table ingest.stage_hazard (
    file_id bigint not null, line_no integer not null, codes text[] not null, raw_line text not null,
    hazard_id text, found_date date, category text, unit_code text, status text, status_date date);
create unlogged table ingest.stage_inspection (
    file_id bigint not null, line_no integer not null, codes text[] not null, raw_line text not null,
    inspection_id text, inspection_date date, venue_id text, violations_found integer, violations_handled integer);

-- The interface of contract section 6: one row per distinct file name with its current
-- outcome. Where one name arrived with different bytes, the version in use wins, else the latest.
create view ingest.file_ledger as
select distinct on (f.file_name)
       f.file_name,
       case
           when f.state = 'read' and f.active then 'loaded'
           when f.state = 'read' then 'superseded'
           when f.state in ('new', 'pending', 'staged') then 'in_progress'
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
order by f.file_name, (f.state = 'read') desc, f.file_id desc;

create view ingest.rejected_rows as
select f.file_name,
       r.line_no,
       array_to_string(r.codes, ',') as codes,
       r.raw_line
from ingest.rejected_row_store r
join ingest.file f using (file_id);
