-- The console summary of one run: files by outcome and rows by outcome.
select case
           when f.state = 'read' and f.active then 'loaded'
           when f.state = 'read' then 'superseded'
           else f.state
       end                    as outcome,
       count(*)               as files,
       sum(f.rows_read)       as rows_read,
       sum(f.rows_loaded)     as rows_loaded,
       sum(f.rows_duplicate)  as rows_duplicate,
       sum(f.rows_rejected)   as rows_rejected
from ingest.file f
where f.run_id = :runId
group by 1
order by 1
