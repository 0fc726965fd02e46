-- Every rejected row with its file, line, raw line and every code, sorted.
insert into ingest.rejected_row_store (file_id, line_no, codes, raw_line)
select file_id, line_no, array(select distinct code from unnest(all_codes) as code order by code), raw_line
from (select file_id, line_no, all_codes, raw_line from checked_visit where outcome = 'rejected'
      union all
      select file_id, line_no, all_codes, raw_line from checked_dispute where outcome = 'rejected'
      union all
      select file_id, line_no, all_codes, raw_line from checked_hazard where outcome = 'rejected'
      union all
      select file_id, line_no, all_codes, raw_line from checked_inspection where outcome = 'rejected') rejected;
