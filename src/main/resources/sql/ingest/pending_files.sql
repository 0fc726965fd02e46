-- The pending files of one partition, in the order a reader takes them: by precinct, date
-- and kind, the highest version first, then by name. Beside each, what the versions of its
-- (precinct, date, kind) read so far say (contract sections 3 and 4): the highest version
-- read on an earlier night (a lower one is stale), the file of the same version already
-- read (this one is F05), and the highest version this run has read already (a lower one is
-- superseded: read for its accounting, its rows not used). Files the reader decides later in
-- the same run it keeps track of itself.
select f.file_id, f.file_name, f.sha256, f.precinct_code, f.submission_date, f.kind, f.version,
       earlier.version          as earlier_night_version,
       earlier.file_name        as earlier_night_file,
       same_version.file_name   as same_version_file,
       this_run.version         as this_run_version
from ingest.file f
left join lateral (select e.version, e.file_name
                   from ingest.file e
                   where e.precinct_code = f.precinct_code and e.submission_date = f.submission_date
                     and e.kind = f.kind and e.state = 'read' and e.run_id <> f.run_id
                   order by e.version desc
                   limit 1) earlier on true
left join lateral (select e.file_name
                   from ingest.file e
                   where e.precinct_code = f.precinct_code and e.submission_date = f.submission_date
                     and e.kind = f.kind and e.version = f.version and e.state = 'read'
                   order by e.file_id
                   limit 1) same_version on true
left join lateral (select max(e.version) as version
                   from ingest.file e
                   where e.precinct_code = f.precinct_code and e.submission_date = f.submission_date
                     and e.kind = f.kind and e.state = 'read' and e.run_id = f.run_id) this_run on true
where f.run_id = :runId and f.partition_no = :partition and f.state = 'pending'
order by f.precinct_code, f.submission_date, f.kind, f.version desc, f.file_name
