-- core.inspection_row holds the loaded rows of active inspection files; core.inspection
-- the one inspection per (precinct, inspection_id): latest submission date, then later line.
create temp table affected_inspection (precinct_code text, inspection_id text) on commit drop;

with gone as (
    delete from core.inspection_row r
    using version_change c
    where c.kind = 'inspections' and not c.now_active
      and r.precinct_code = c.precinct_code and r.submission_date = c.submission_date
    returning r.precinct_code, r.inspection_id)
insert into affected_inspection select precinct_code, inspection_id from gone;

with added as (
    insert into core.inspection_row (precinct_code, submission_date, line_no, inspection_id, inspection_date,
                                     venue_id, violations_found, violations_handled)
    select i.precinct_code, i.submission_date, i.line_no, i.inspection_id, i.inspection_date,
           i.venue_id, i.violations_found, i.violations_handled
    from checked_inspection i
    join version_change c on c.file_id = i.file_id and c.now_active
    where i.outcome = 'loaded'
    returning precinct_code, inspection_id)
insert into affected_inspection select precinct_code, inspection_id from added;

-- the key resolution below joins on the night's keys: plan it on their real number
analyze affected_inspection;

create temp table changed_inspection (inspection_date date) on commit drop;

with removed as (
    delete from core.inspection i
    using (select distinct precinct_code, inspection_id from affected_inspection) a
    where i.precinct_code = a.precinct_code and i.inspection_id = a.inspection_id
    returning i.inspection_date)
insert into changed_inspection select inspection_date from removed;

with added as (
    insert into core.inspection (precinct_code, inspection_id, submission_date, line_no, inspection_date,
                                 venue_id, violations_found, violations_handled)
    select distinct on (r.precinct_code, r.inspection_id)
           r.precinct_code, r.inspection_id, r.submission_date, r.line_no, r.inspection_date,
           r.venue_id, r.violations_found, r.violations_handled
    from core.inspection_row r
    join (select distinct precinct_code, inspection_id from affected_inspection) a
      on a.precinct_code = r.precinct_code and a.inspection_id = r.inspection_id
    order by r.precinct_code, r.inspection_id, r.submission_date desc, r.line_no desc
    returning inspection_date)
insert into changed_inspection select inspection_date from added;

insert into mart.dirty (since)
select min(inspection_date) from changed_inspection having count(*) > 0;
