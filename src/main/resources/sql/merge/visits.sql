-- core.visit_row holds the loaded rows of active visit files; core.visit the one visit per
-- (precinct, visit_id): the row of the latest submission date, then the later line.
-- Only keys touched tonight are resolved again, so the cost follows the night's volume.
create temp table affected_visit (precinct_code text, visit_id text) on commit drop;

with gone as (
    delete from core.visit_row r
    using version_change c
    where c.kind = 'visits' and not c.now_active
      and r.precinct_code = c.precinct_code and r.submission_date = c.submission_date
    returning r.precinct_code, r.visit_id)
insert into affected_visit select precinct_code, visit_id from gone;

with added as (
    insert into core.visit_row (precinct_code, submission_date, line_no, visit_id, visit_date, officer_id,
                                target_type, target_code, persons_reached, issues_found, note)
    select v.precinct_code, v.submission_date, v.line_no, v.visit_id, v.visit_date, v.officer_id,
           v.target_type, v.target_code, v.persons_reached, v.issues_found, v.note
    from checked_visit v
    join version_change c on c.file_id = v.file_id and c.now_active
    where v.outcome = 'loaded'
    returning precinct_code, visit_id)
insert into affected_visit select precinct_code, visit_id from added;

-- the key resolution below joins on the night's keys: plan it on their real number
analyze affected_visit;

-- the old and new winners of the touched keys: what changed for the metrics
create temp table changed_visit (change text, target_type text, target_code text, visit_date date) on commit drop;

with removed as (
    delete from core.visit v
    using (select distinct precinct_code, visit_id from affected_visit) a
    where v.precinct_code = a.precinct_code and v.visit_id = a.visit_id
    returning v.target_type, v.target_code, v.visit_date)
insert into changed_visit select 'removed', target_type, target_code, visit_date from removed;

with added as (
    insert into core.visit (precinct_code, visit_id, submission_date, line_no, visit_date, officer_id,
                            target_type, target_code, persons_reached, issues_found, note)
    select distinct on (r.precinct_code, r.visit_id)
           r.precinct_code, r.visit_id, r.submission_date, r.line_no, r.visit_date, r.officer_id,
           r.target_type, r.target_code, r.persons_reached, r.issues_found, r.note
    from core.visit_row r
    join (select distinct precinct_code, visit_id from affected_visit) a
      on a.precinct_code = r.precinct_code and a.visit_id = r.visit_id
    order by r.precinct_code, r.visit_id, r.submission_date desc, r.line_no desc
    returning target_type, target_code, visit_date)
insert into changed_visit select 'added', target_type, target_code, visit_date from added;

insert into mart.dirty (since)
select min(visit_date) from changed_visit having count(*) > 0;
