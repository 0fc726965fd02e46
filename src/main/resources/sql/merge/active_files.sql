-- Versions (contract section 4): for every (precinct, date, kind) a file of this run was
-- read for, the highest read version is active and replaces the lower ones entirely.
-- version_change lists the files whose active flag flips, plus the files a rerun reads
-- again (their earlier contribution leaves first), for the core merges that follow.
create temp table version_change on commit drop as
with touched as (
    select distinct precinct_code, submission_date, kind
    from ingest.file
    where run_id = :runId and (state = 'read' or rerun_reset)),
winner as (
    select distinct on (f.precinct_code, f.submission_date, f.kind) f.file_id
    from ingest.file f
    join touched t using (precinct_code, submission_date, kind)
    where f.state = 'read'
    order by f.precinct_code, f.submission_date, f.kind, f.version desc, f.file_id)
select f.file_id, f.precinct_code, f.submission_date, f.kind, (w.file_id is not null) as now_active
from ingest.file f
join touched t using (precinct_code, submission_date, kind)
left join winner w on w.file_id = f.file_id
where f.state = 'read' and f.active <> (w.file_id is not null)
union all
select file_id, precinct_code, submission_date, kind, false
from ingest.file
where run_id = :runId and rerun_reset;

analyze version_change;

update ingest.file f
set active = exists (select 1 from version_change c where c.file_id = f.file_id and c.now_active),
    rerun_reset = false
where f.file_id in (select file_id from version_change);

-- A date whose set of active files changed has a different reporting count.
insert into mart.dirty (since)
select min(submission_date) from version_change having count(*) > 0;
