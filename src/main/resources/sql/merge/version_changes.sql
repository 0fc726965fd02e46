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
-- The versions of each touched (precinct, date, kind), probed by its index: the "order by"
-- keeps the subquery a lateral probe, where a join would read every file of history (the
-- planner misjudges how few files a (precinct, date, kind) has).
version as (
    select f.file_id, f.precinct_code, f.submission_date, f.kind, f.version, f.state, f.active
    from touched t
    cross join lateral (select *
                        from ingest.file f
                        where f.precinct_code = t.precinct_code and f.submission_date = t.submission_date
                          and f.kind = t.kind and f.state in ('read', 'retired')
                        order by f.version desc, f.file_id) f),
winner as (
    select distinct on (precinct_code, submission_date, kind) file_id
    from version
    where state = 'read'
    order by precinct_code, submission_date, kind, version desc, file_id)
select v.file_id, v.precinct_code, v.submission_date, v.kind, (w.file_id is not null) as now_active
from version v
left join winner w using (file_id)
where v.active <> (w.file_id is not null);

analyze version_change;

update ingest.file f
set active = c.now_active
from version_change c
where c.file_id = f.file_id;

-- A date whose set of active files changed has a different reporting count.
insert into mart.dirty (since, component)
select min(submission_date), 'reporting' from version_change having count(*) > 0;
