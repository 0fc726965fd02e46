-- How far a run's reading is: files given a partition at discovery, those read (staged,
-- quarantined or already merged) and the rows read so far.
select count(*)                                    as files,
       count(*) filter (where state <> 'pending') as files_done,
       coalesce(sum(rows_read), 0)                 as rows_read
from ingest.file
where run_id = :runId
  and partition_no is not null
