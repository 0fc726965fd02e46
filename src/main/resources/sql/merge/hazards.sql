-- The hazard ledger keeps every snapshot of the active hazard files. affected_hazard lists
-- the hazards touched.
create temp table affected_hazard (precinct_code text, hazard_id text) on commit drop;

with gone as (
    delete from core.hazard_snapshot s
    using version_change c
    where c.kind = 'hazards' and not c.now_active
      and s.precinct_code = c.precinct_code and s.submission_date = c.submission_date
    returning s.precinct_code, s.hazard_id)
insert into affected_hazard select precinct_code, hazard_id from gone;

with added as (
    insert into core.hazard_snapshot (precinct_code, submission_date, line_no, hazard_id, found_date, category,
                                      unit_code, status, status_date)
    select h.precinct_code, h.submission_date, h.line_no, h.hazard_id, h.found_date, h.category,
           h.unit_code, h.status, h.status_date
    from checked_hazard h
    join version_change c on c.file_id = h.file_id and c.now_active
    where h.outcome = 'loaded'
    returning precinct_code, hazard_id)
insert into affected_hazard select precinct_code, hazard_id from added;
