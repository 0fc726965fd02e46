-- Classifies the night's new files by what their name and bytes tell (contract section 3,
-- the first checks of the order): F01 name, F02 precinct, duplicate bytes; the rest are
-- pending, spread over the partitions by precinct (a precinct's files always share one).
-- The readers check the rest, in order: F03, F06, F04, then F05 and stale. Within one night,
-- files count as arriving in file-name order; file_id follows that order, so "earlier" is
-- "smaller file_id". Retired records (a rerun read their files again) take no part.

-- The night's arrivals are probed one by one in the ledger's index of names and bytes: a hash
-- join would read the ledger of every file the inbox ever held, night after night.
set local enable_hashjoin = off;
set local enable_mergejoin = off;

-- Same name and bytes as a recorded file, only touched: remember its timestamp, nothing else.
update ingest.file f
set modified_at = a.modified_at
from ingest.arrival a
where f.file_name = a.file_name and f.sha256 = a.sha256 and f.state <> 'retired';

insert into ingest.file (run_id, file_name, sha256, size_bytes, modified_at,
                         precinct_code, submission_date, kind, version, state)
select :runId, a.file_name, a.sha256, a.size_bytes, a.modified_at,
       a.precinct_code, a.submission_date, a.kind, a.version, 'new'
from ingest.arrival a
where not exists (select 1 from ingest.file f
                  where f.file_name = a.file_name and f.sha256 = a.sha256 and f.state <> 'retired')
order by a.file_name;

reset enable_hashjoin;
reset enable_mergejoin;

-- the night's files are many new rows: plan the statements below on fresh statistics
analyze ingest.file;

update ingest.file
set state = 'quarantined', code = 'F01',
    detail = null
where run_id = :runId and state = 'new' and kind is null;

update ingest.file f
set state = 'quarantined', code = 'F02',
    detail = 'precinct ' || f.precinct_code || case when p.precinct_code is null then ' is not in the registry'
                                                    else ' is not active' end
from ingest.file named
left join registry.precinct p on p.precinct_code = named.precinct_code
where named.file_id = f.file_id and f.run_id = :runId and f.state = 'new'
  and (p.precinct_code is null or not p.active);

-- Same bytes as an earlier file that passed the name checks, whatever its name: a duplicate
-- of the first file with those bytes.
update ingest.file f
set state = 'duplicate', duplicate_of = o.first_id
from (select n.file_id,
             (select min(e.file_id) from ingest.file e
              where e.sha256 = n.sha256 and e.file_id < n.file_id
                and e.state not in ('duplicate', 'retired')
                and (e.code is null or e.code not in ('F01', 'F02'))) as first_id
      from ingest.file n
      where n.run_id = :runId and n.state = 'new') o
where o.file_id = f.file_id and o.first_id is not null;

update ingest.file f
set state = 'pending', partition_no = p.partition_no
from (select file_id, (dense_rank() over (order by precinct_code) - 1) % :partitions as partition_no
      from ingest.file
      where run_id = :runId and state = 'new') p
where p.file_id = f.file_id;

-- the partitions of the days whose rows the readers are about to write
select core.add_day_partitions(array(select distinct submission_date
                                     from ingest.file
                                     where run_id = :runId and state = 'pending' and kind in ('visits', 'inspections')));
