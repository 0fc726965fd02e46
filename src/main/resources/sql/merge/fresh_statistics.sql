-- The partitions changed the state of every file they read: plan the merge on fresh
-- statistics of the ledger, or PostgreSQL expects one staged file and loops over thousands.
analyze ingest.file;
