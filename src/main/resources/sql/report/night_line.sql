-- One line per night for the demo: files and rows of one run.
select count(*)                                        as files,
       coalesce(sum(rows_read), 0)                     as rows_read,
       coalesce(sum(rows_rejected), 0)                 as rows_rejected,
       count(*) filter (where state = 'quarantined')   as quarantined,
       count(*) filter (where state = 'read' and version > 1) as corrections
from ingest.file
where run_id = :runId
