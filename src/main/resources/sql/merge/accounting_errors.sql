-- The files this run read whose accounting does not add up (contract section 3: rows_read =
-- loaded + duplicate + rejected), or does not match what is in the warehouse: the version in
-- use has every loaded and repeated line in its kind's row table, any other file none, and
-- every file its rejected rows in the store. Always a bug; nothing is made active.
with read_file as (
    select f.file_id, f.file_name, f.kind, f.submission_date, f.rows_read, f.rows_loaded, f.rows_duplicate,
           f.rows_rejected,
           not exists (select 1 from ingest.file h
                       where h.precinct_code = f.precinct_code and h.submission_date = f.submission_date
                         and h.kind = f.kind and h.state = 'read' and h.version > f.version) as in_use
    from ingest.file f
    where f.run_id = :runId and f.state = 'read'),
file_range as (
    select min(file_id) as first_id, max(file_id) as last_id from read_file),
written as (
    select file_id, count(*) as rows_written
    from (select r.file_id from core.visit_row r
          where r.submission_date = any (cast(:visitDays as date[]))
          union all
          select r.file_id from core.inspection_row r
          where r.submission_date = any (cast(:inspectionDays as date[]))
          union all
          -- the range of tonight's file ids: their index reads tonight's rows, not all of history
          select s.file_id from core.dispute_snapshot s
          where s.file_id between (select first_id from file_range) and (select last_id from file_range)
          union all
          select s.file_id from core.hazard_snapshot s
          where s.file_id between (select first_id from file_range) and (select last_id from file_range)) rows
    where file_id in (select file_id from read_file)
    group by file_id),
rejected as (
    select file_id, count(*) as rejects_stored
    from ingest.rejected_row_store
    where file_id between (select first_id from file_range) and (select last_id from file_range)
      and file_id in (select file_id from read_file)
    group by file_id)
select f.file_name, f.rows_read, f.rows_loaded, f.rows_duplicate, f.rows_rejected,
       coalesce(w.rows_written, 0) as rows_written, coalesce(r.rejects_stored, 0) as rejects_stored
from read_file f
left join written w using (file_id)
left join rejected r using (file_id)
where f.rows_read <> f.rows_loaded + f.rows_duplicate + f.rows_rejected
   or coalesce(w.rows_written, 0) <> case when f.in_use then f.rows_loaded + f.rows_duplicate else 0 end
   or coalesce(r.rejects_stored, 0) <> f.rows_rejected
order by f.file_name
