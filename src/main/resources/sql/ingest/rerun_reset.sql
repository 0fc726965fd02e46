-- jobs/rerun: every recorded file of the range still in the inbox (listed in ingest.arrival
-- with the same bytes) is retired, and arrives again as a new file of this run, classified
-- and read as if the range's files arrived together. The merge removes what a retired file
-- contributed as the active version (its rows carry its own file_id), and the ledger shows
-- only the new record.
update ingest.file f
set state = 'retired', retired_by_run = :runId
from ingest.arrival a
where a.file_name = f.file_name and a.sha256 = f.sha256 and f.state <> 'retired';
