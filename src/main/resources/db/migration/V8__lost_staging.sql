-- Staged files whose rows are no longer all in staging. The staging tables are unlogged:
-- a PostgreSQL crash empties them, and such files must be read again before any merge.
create view ingest.staged_file_missing_rows as
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
