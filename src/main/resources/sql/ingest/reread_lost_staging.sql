-- Staged files whose rows are no longer all in staging go back to pending, to be read again
-- by this run's partitions. The staging tables are unlogged: a PostgreSQL crash empties them.
create temp table lost_staging on commit drop as
with staged_rows as (
    select file_id, count(*) as staged
    from (select file_id from ingest.stage_visit
          union all select file_id from ingest.stage_dispute
          union all select file_id from ingest.stage_hazard
          union all select file_id from ingest.stage_inspection) rows
    group by file_id)
select f.file_id
from ingest.file f
left join staged_rows s on s.file_id = f.file_id
where f.state = 'staged' and f.rows_read <> coalesce(s.staged, 0);

delete from ingest.stage_visit where file_id in (select file_id from lost_staging);
delete from ingest.stage_dispute where file_id in (select file_id from lost_staging);
delete from ingest.stage_hazard where file_id in (select file_id from lost_staging);
delete from ingest.stage_inspection where file_id in (select file_id from lost_staging);

update ingest.file
set state = 'pending', rows_read = 0, encoding = null
where file_id in (select file_id from lost_staging);
