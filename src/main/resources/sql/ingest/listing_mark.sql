-- The change time from which tonight compares the inbox's files with the ledger: the last
-- listing of this inbox saw nothing change after it (but the margin). No row: compare all.
select changed_since from ingest.listing_mark where inbox = :inbox
