-- jobs/rerun: every recorded file of the range still in the inbox (listed in
-- ingest.arrival with the same bytes) is taken into this run to be classified and read
-- again; its rejected rows go, and what it contributed as the active file is removed at merge.
delete from ingest.rejected_row_store r
using ingest.file f
join ingest.arrival a on a.file_name = f.file_name and a.sha256 = f.sha256
where r.file_id = f.file_id;

update ingest.file f
set run_id         = :runId,
    state          = 'new',
    code           = null,
    detail         = null,
    duplicate_of   = null,
    partition_no   = null,
    encoding       = null,
    rows_read      = 0,
    rows_loaded    = 0,
    rows_duplicate = 0,
    rows_rejected  = 0,
    rerun_reset    = f.active,
    active         = false
from ingest.arrival a
where a.file_name = f.file_name and a.sha256 = f.sha256;
