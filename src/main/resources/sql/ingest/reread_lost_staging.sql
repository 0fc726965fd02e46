-- Staged files whose rows a PostgreSQL crash took (ingest.staged_file_missing_rows) go back
-- to pending, to be read again by this run's partitions.
create temp table lost_staging on commit drop as
select file_id from ingest.staged_file_missing_rows;

delete from ingest.stage_visit where file_id in (select file_id from lost_staging);
delete from ingest.stage_dispute where file_id in (select file_id from lost_staging);
delete from ingest.stage_hazard where file_id in (select file_id from lost_staging);
delete from ingest.stage_inspection where file_id in (select file_id from lost_staging);

update ingest.file
set state = 'pending', rows_read = 0, encoding = null
where file_id in (select file_id from lost_staging);
