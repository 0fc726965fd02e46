-- The most frequent codes of one run: row codes from its rejected rows, file codes from
-- its quarantined files.
select code, count(*) as occurrences
from (select unnest(r.codes) as code
      from ingest.rejected_row_store r
      join ingest.file f using (file_id)
      where f.run_id = :runId
      union all
      select f.code from ingest.file f where f.run_id = :runId and f.code is not null) codes
group by code
order by occurrences desc, code
limit 5
