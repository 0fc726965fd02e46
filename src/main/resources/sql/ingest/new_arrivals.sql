-- Files in the inbox listing whose name, size and timestamp match no recorded file: only
-- these are hashed. A file already recorded with the same bytes is recognised after hashing.
-- A rerun hashes every listed file of its range: all of them are read again.
select l.file_name, l.size_bytes, l.modified_at
from ingest.listing l
where :rerun
   or not exists (select 1
                  from ingest.file f
                  where f.file_name = l.file_name
                    and f.state <> 'retired'
                    and f.size_bytes = l.size_bytes
                    and f.modified_at = l.modified_at)
order by l.file_name
