-- The report's list of precincts with something to fix in the run (the same rows as their
-- feedback files, sql/report/feedback_rows.sql): rejected rows, problem files, and the three
-- most frequent codes. Files whose name gave no precinct are grouped under an empty code.
with problems as (
    select coalesce(f.precinct_code, '') as precinct_code, unnest(r.codes) as code
    from ingest.rejected_row_store r
    join ingest.file f using (file_id)
    where f.run_id = :runId
    union all
    select coalesce(f.precinct_code, ''), coalesce(f.code, f.state)
    from ingest.file f
    where f.run_id = :runId and f.state in ('quarantined', 'duplicate', 'stale')),
ranked as (
    select precinct_code, code, count(*) as occurrences,
           row_number() over (partition by precinct_code order by count(*) desc, code) as rank
    from problems
    group by precinct_code, code),
files as (
    select coalesce(f.precinct_code, '') as precinct_code,
           sum(f.rows_rejected) as rows_rejected,
           count(*) filter (where f.state in ('quarantined', 'duplicate', 'stale')) as problem_files
    from ingest.file f
    where f.run_id = :runId
    group by 1)
select r.precinct_code,
       p.name                                              as precinct_name,
       f.rows_rejected,
       f.problem_files,
       array_agg(r.code order by r.rank)                   as codes,
       array_agg(r.occurrences order by r.rank)            as occurrences
from ranked r
join files f using (precinct_code)
left join registry.precinct p using (precinct_code)
where r.rank <= 3
group by r.precinct_code, p.name, f.rows_rejected, f.problem_files
order by f.rows_rejected + f.problem_files desc, r.precinct_code
