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
set rows_loaded    = c.loaded,
    rows_duplicate = c.duplicate,
    rows_rejected  = c.rejected
from outcome_counts c
where c.file_id = f.file_id and f.state = 'staged';

-- a header-only file has no rows: its counts stay 0
update ingest.file
set state = 'read'
where state = 'staged';

-- the night changed many ledger rows: plan the version and core merges on fresh statistics
analyze ingest.file;
