-- Each staged file's accounting (contract section 3), from its own rows only; the file is
-- now read. rows_read was counted by the reader; the merge checks the sum afterwards.
with outcome_counts as (
    select file_id,
           count(*) filter (where outcome = 'loaded')    as loaded,
           count(*) filter (where outcome = 'duplicate') as duplicate,
           count(*) filter (where outcome = 'rejected')  as rejected
    from (select file_id, outcome from checked_visit
          union all select file_id, outcome from checked_dispute
          union all select file_id, outcome from checked_hazard
          union all select file_id, outcome from checked_inspection) rows
    group by file_id)
update ingest.file f
set state          = 'read',
    rows_loaded    = coalesce(c.loaded, 0),
    rows_duplicate = coalesce(c.duplicate, 0),
    rows_rejected  = coalesce(c.rejected, 0)
from ingest.file staged
left join outcome_counts c on c.file_id = staged.file_id
where staged.file_id = f.file_id and f.state = 'staged';
