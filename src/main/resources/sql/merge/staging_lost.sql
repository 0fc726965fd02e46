-- Staged files missing rows at merge time (a crash after the partitions read): the merge
-- must not run on them; the restart reads them again first.
select file_id from ingest.staged_file_missing_rows
