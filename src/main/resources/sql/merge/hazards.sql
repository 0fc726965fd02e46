-- The hazard ledger keeps every snapshot of the active hazard files.
delete from core.hazard_snapshot s
using version_change c
where c.kind = 'hazards' and not c.now_active
  and s.precinct_code = c.precinct_code and s.submission_date = c.submission_date;

insert into core.hazard_snapshot (precinct_code, submission_date, line_no, hazard_id, found_date, category,
                                  unit_code, status, status_date)
select h.precinct_code, h.submission_date, h.line_no, h.hazard_id, h.found_date, h.category,
       h.unit_code, h.status, h.status_date
from checked_hazard h
join version_change c on c.file_id = h.file_id and c.now_active
where h.outcome = 'loaded';
