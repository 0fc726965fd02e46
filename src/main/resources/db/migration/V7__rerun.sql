-- A rerun reads a date range's files again: files it takes back into a run were active
-- before are flagged, so the merge first removes what they contributed.
alter table ingest.file add column rerun_reset boolean not null default false;
