-- Files of this run whose accounting does not add up: always a bug, never accepted.
select file_name, rows_read, rows_loaded, rows_duplicate, rows_rejected
from ingest.file
where run_id = :runId
  and state = 'read'
  and rows_read <> rows_loaded + rows_duplicate + rows_rejected
order by file_name
