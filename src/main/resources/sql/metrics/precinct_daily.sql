-- mart.precinct_daily for the days :fromDate..:toDate, every precinct of the registry:
-- each day's events summed per precinct, added to the precinct's running counts of the
-- day before :fromDate (zero when :fromDate is the campaign start). Only the changed days
-- are read from core, so a night costs what its days cost, not the whole history.
delete from mart.precinct_daily where metric_date >= :fromDate;

insert into mart.precinct_daily
with day as (
    select generate_series(:fromDate::date, :toDate::date, interval '1 day')::date as metric_date),
visits as (
    select precinct_code, visit_date as metric_date, count(*) as visits, sum(persons_reached) as persons
    from core.visit
    -- a visit is never dated after its submission: only the partitions of these days are read
    where visit_date between :fromDate and :toDate and submission_date >= :fromDate
    group by 1, 2),
first_visits as (
    -- coverage belongs to the precinct whose jurisdiction holds the unit or enterprise
    select j.precinct_code, f.first_visit_date as metric_date,
           count(*) filter (where f.target_kind = 'unit')       as units,
           count(*) filter (where f.target_kind = 'enterprise') as key_enterprises
    from core.target_first_visit f
    left join registry.enterprise e on f.target_kind = 'enterprise' and e.credit_code = f.target_code
    join registry.jurisdiction j
      on j.unit_code = case when f.target_kind = 'unit' then f.target_code else e.unit_code end
    where f.first_visit_date between :fromDate and :toDate
      and (f.target_kind = 'unit' or e.is_key)
    group by 1, 2),
ledgers as (
    select precinct_code, event_date as metric_date,
           sum(found_delta) filter (where ledger = 'dispute')     as disputes_found,
           sum(closed_delta) filter (where ledger = 'dispute')    as disputes_resolved,
           sum(referred_delta) filter (where ledger = 'dispute')  as disputes_referred,
           sum(escalated_delta) filter (where ledger = 'dispute') as disputes_escalated,
           sum(found_delta) filter (where ledger = 'hazard')      as hazards_found,
           sum(closed_delta) filter (where ledger = 'hazard')     as hazards_rectified
    from core.ledger_event
    where event_date between :fromDate and :toDate
    group by 1, 2),
inspections as (
    select precinct_code, inspection_date as metric_date, count(*) as inspections,
           sum(violations_found) as violations_found, sum(violations_handled) as violations_handled
    from core.inspection
    where inspection_date between :fromDate and :toDate and submission_date >= :fromDate
    group by 1, 2),
reported as (
    select distinct precinct_code, submission_date as metric_date
    from ingest.file
    where active and submission_date between :fromDate and :toDate),
before as (
    select * from mart.precinct_daily where metric_date = :fromDate::date - 1),
daily as (
    select d.metric_date, p.precinct_code,
           coalesce(v.visits, 0)                  as visits_day,
           coalesce(v.persons, 0)                 as persons_day,
           coalesce(f.units, 0)                   as units,
           coalesce(f.key_enterprises, 0)         as key_enterprises,
           coalesce(l.disputes_found, 0)          as disputes_found,
           coalesce(l.disputes_resolved, 0)       as disputes_resolved,
           coalesce(l.disputes_referred, 0)       as disputes_referred,
           coalesce(l.disputes_escalated, 0)      as disputes_escalated,
           coalesce(l.hazards_found, 0)           as hazards_found,
           coalesce(l.hazards_rectified, 0)       as hazards_rectified,
           coalesce(i.inspections, 0)             as inspections,
           coalesce(i.violations_found, 0)        as violations_found,
           coalesce(i.violations_handled, 0)      as violations_handled,
           (r.precinct_code is not null)::int     as reported_day
    from day d
    cross join registry.precinct p
    left join visits v on v.precinct_code = p.precinct_code and v.metric_date = d.metric_date
    left join first_visits f on f.precinct_code = p.precinct_code and f.metric_date = d.metric_date
    left join ledgers l on l.precinct_code = p.precinct_code and l.metric_date = d.metric_date
    left join inspections i on i.precinct_code = p.precinct_code and i.metric_date = d.metric_date
    left join reported r on r.precinct_code = p.precinct_code and r.metric_date = d.metric_date)
select d.metric_date, d.precinct_code,
       d.visits_day,
       coalesce(b.visits_ctd, 0) + sum(d.visits_day) over w,
       d.persons_day,
       coalesce(b.persons_reached_ctd, 0) + sum(d.persons_day) over w,
       coalesce(b.units_visited_ctd, 0) + sum(d.units) over w,
       coalesce(b.key_enterprises_visited_ctd, 0) + sum(d.key_enterprises) over w,
       coalesce(b.disputes_found_ctd, 0) + sum(d.disputes_found) over w,
       coalesce(b.disputes_resolved_ctd, 0) + sum(d.disputes_resolved) over w,
       coalesce(b.disputes_referred_ctd, 0) + sum(d.disputes_referred) over w,
       coalesce(b.disputes_escalated_ctd, 0) + sum(d.disputes_escalated) over w,
       coalesce(b.hazards_found_ctd, 0) + sum(d.hazards_found) over w,
       coalesce(b.hazards_rectified_ctd, 0) + sum(d.hazards_rectified) over w,
       coalesce(b.inspections_ctd, 0) + sum(d.inspections) over w,
       coalesce(b.violations_found_ctd, 0) + sum(d.violations_found) over w,
       coalesce(b.violations_handled_ctd, 0) + sum(d.violations_handled) over w,
       d.reported_day
from daily d
left join before b on b.precinct_code = d.precinct_code
window w as (partition by d.precinct_code order by d.metric_date);
