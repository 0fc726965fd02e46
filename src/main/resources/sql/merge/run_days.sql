-- The submission dates this run read visits and inspections of: the only partitions of their
-- row tables whose rows tonight wrote, given to the merge's statements as untyped parameters (see
-- MergeTasklet) that the planner takes for constants of type date[], so that
-- PostgreSQL reads no other partition.
select coalesce(array_agg(distinct submission_date) filter (where kind = 'visits'), '{}')::text      as visit_days,
       coalesce(array_agg(distinct submission_date) filter (where kind = 'inspections'), '{}')::text as inspection_days
from ingest.file
where run_id = :runId and state = 'read'
