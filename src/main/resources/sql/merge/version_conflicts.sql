-- The last two file checks (contract section 3), once a file's own checks (F03, F06, F04)
-- passed in reading: F05, the same precinct, date, kind and version as a file read on an
-- earlier night or an earlier file of this run; stale, a lower version than one read on an
-- earlier night. Neither file's rows are used: their staged rows go and their counts are 0.
update ingest.file f
set state = 'quarantined', code = 'F05', rows_read = 0,
    detail = 'same precinct, date, kind and version as ' || o.first_name || ', different content'
from (select n.file_id,
             (select e.file_name from ingest.file e
              where e.precinct_code = n.precinct_code and e.submission_date = n.submission_date
                and e.kind = n.kind and e.version = n.version and e.file_id < n.file_id
                and (e.state = 'read' or (e.run_id = :runId and e.state = 'staged'))
              order by e.file_id limit 1) as first_name
      from ingest.file n
      where n.run_id = :runId and n.state = 'staged') o
where o.file_id = f.file_id and o.first_name is not null;

update ingest.file f
set state = 'stale', rows_read = 0,
    detail = 'version ' || f.version || ' arrived after version ' || h.version || ' (' || h.file_name || ')'
from ingest.file h
where f.run_id = :runId and f.state = 'staged'
  and h.file_id = (select e.file_id from ingest.file e
                   where e.precinct_code = f.precinct_code and e.submission_date = f.submission_date
                     and e.kind = f.kind and e.version > f.version and e.state = 'read' and e.run_id <> :runId
                   order by e.version desc limit 1);

delete from ingest.stage_visit s using ingest.file f
where f.file_id = s.file_id and f.run_id = :runId and f.state in ('quarantined', 'stale');
delete from ingest.stage_dispute s using ingest.file f
where f.file_id = s.file_id and f.run_id = :runId and f.state in ('quarantined', 'stale');
delete from ingest.stage_hazard s using ingest.file f
where f.file_id = s.file_id and f.run_id = :runId and f.state in ('quarantined', 'stale');
delete from ingest.stage_inspection s using ingest.file f
where f.file_id = s.file_id and f.run_id = :runId and f.state in ('quarantined', 'stale');
