-- What each precinct must fix from this run: every rejected row, and every file that was
-- quarantined, a duplicate or stale (named with its code), ordered for writing one file
-- per precinct. Files whose name gave no precinct are grouped under an empty code.
select coalesce(f.precinct_code, '') as precinct_code,
       f.file_name,
       r.line_no,
       array_to_string(r.codes, ',')  as codes,
       r.raw_line,
       null::text                     as detail
from ingest.rejected_row_store r
join ingest.file f using (file_id)
where f.run_id = :runId
union all
select coalesce(f.precinct_code, ''),
       f.file_name,
       null,
       coalesce(f.code, f.state),
       null,
       coalesce(f.detail, case when f.state = 'duplicate' then 'same bytes as ' || d.file_name end)
from ingest.file f
left join ingest.file d on d.file_id = f.duplicate_of
where f.run_id = :runId and f.state in ('quarantined', 'duplicate', 'stale')
order by 1, 2, 3 nulls first
