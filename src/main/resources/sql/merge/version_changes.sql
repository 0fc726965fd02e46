-- Versions (contract section 4): for every (precinct, date, kind) this run read a file of, or
-- retired the file in use of (a rerun), the highest version read is active and replaces the
-- lower ones entirely. version_change lists the files whose active flag flips, for the
-- merges that follow: the rows of a file that stops being active leave, those of the new
-- active file (written by the readers) take their place.
-- Only the kinds of one part of the merge (:kinds): a part that committed before a failure
-- finds its flags already flipped on a restart, and has nothing left to do.
create temp table version_change on commit drop as
with touched as (
    select distinct precinct_code, submission_date, kind
    from ingest.file
    where kind in (:kinds)
      and ((run_id = :runId and state = 'read') or (retired_by_run = :runId and active))),
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
where f.state in ('read', 'retired') and f.active <> (w.file_id is not null);

analyze version_change;

update ingest.file f
set active = c.now_active
from version_change c
where c.file_id = f.file_id;

-- A date whose set of active files changed has a different reporting count.
insert into mart.dirty (since, component)
select min(submission_date), 'reporting' from version_change having count(*) > 0;
