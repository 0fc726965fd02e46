-- mart.precinct_daily for the days :fromDate..:toDate, every precinct of the registry. A day's
-- counts come in four parts, each with its own inputs: visits (and the first visits of units
-- and enterprises they make), inspections, the case and hazard ledgers, reporting. A part is
-- read from core only from the first day its inputs changed (:visitsFrom, :inspectionsFrom,
-- :ledgersFrom, :reportingFrom, each between :fromDate and :toDate + 1); before that day it
-- stands as computed, and its running counts continue from the day before it. So a case
-- escalated two weeks back recomputes two weeks of ledger counts, not two weeks of visits.
-- Visits and inspections are read as the merge counted their winners per precinct and day,
-- the ledgers as it summed their events per precinct and day.
insert into mart.precinct_daily
with day as (
    select generate_series(:fromDate::date, :toDate::date, interval '1 day')::date as metric_date),
stored as (
    select * from mart.precinct_daily where metric_date between :fromDate and :toDate),
visits_before as (
    select * from mart.precinct_daily where metric_date = :visitsFrom::date - 1),
inspections_before as (
    select * from mart.precinct_daily where metric_date = :inspectionsFrom::date - 1),
ledgers_before as (
    select * from mart.precinct_daily where metric_date = :ledgersFrom::date - 1),
visits as (
    select precinct_code, day as metric_date, winners as visits, persons_reached as persons
    from core.winners_per_day
    where kind = 'visits' and day between :visitsFrom and :toDate),
first_visits as (
    -- coverage belongs to the precinct whose jurisdiction holds the unit or enterprise
    select j.precinct_code, f.first_visit_date as metric_date,
           count(*) filter (where f.target_kind = 'unit')       as units,
           count(*) filter (where f.target_kind = 'enterprise') as key_enterprises
    from core.target_first_visit f
    left join registry.enterprise e on f.target_kind = 'enterprise' and e.credit_code = f.target_code
    join registry.jurisdiction j
      on j.unit_code = case when f.target_kind = 'unit' then f.target_code else e.unit_code end
    where f.first_visit_date between :visitsFrom and :toDate
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
    from core.ledger_per_day
    where event_date between :ledgersFrom and :toDate
    group by 1, 2),
inspections as (
    select precinct_code, day as metric_date, winners as inspections, violations_found, violations_handled
    from core.winners_per_day
    where kind = 'inspections' and day between :inspectionsFrom and :toDate),
reported as (
    select distinct precinct_code, submission_date as metric_date
    from ingest.file
    where active and submission_date between :reportingFrom and :toDate),
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
       case when d.metric_date < :visitsFrom then s.visits_day else d.visits_day end,
       case when d.metric_date < :visitsFrom then s.visits_ctd
            else coalesce(vb.visits_ctd, 0) + sum(d.visits_day) over w end,
       case when d.metric_date < :visitsFrom then s.persons_reached_day else d.persons_day end,
       case when d.metric_date < :visitsFrom then s.persons_reached_ctd
            else coalesce(vb.persons_reached_ctd, 0) + sum(d.persons_day) over w end,
       case when d.metric_date < :visitsFrom then s.units_visited_ctd
            else coalesce(vb.units_visited_ctd, 0) + sum(d.units) over w end,
       case when d.metric_date < :visitsFrom then s.key_enterprises_visited_ctd
            else coalesce(vb.key_enterprises_visited_ctd, 0) + sum(d.key_enterprises) over w end,
       case when d.metric_date < :ledgersFrom then s.disputes_found_ctd
            else coalesce(lb.disputes_found_ctd, 0) + sum(d.disputes_found) over w end,
       case when d.metric_date < :ledgersFrom then s.disputes_resolved_ctd
            else coalesce(lb.disputes_resolved_ctd, 0) + sum(d.disputes_resolved) over w end,
       case when d.metric_date < :ledgersFrom then s.disputes_referred_ctd
            else coalesce(lb.disputes_referred_ctd, 0) + sum(d.disputes_referred) over w end,
       case when d.metric_date < :ledgersFrom then s.disputes_escalated_ctd
            else coalesce(lb.disputes_escalated_ctd, 0) + sum(d.disputes_escalated) over w end,
       case when d.metric_date < :ledgersFrom then s.hazards_found_ctd
            else coalesce(lb.hazards_found_ctd, 0) + sum(d.hazards_found) over w end,
       case when d.metric_date < :ledgersFrom then s.hazards_rectified_ctd
            else coalesce(lb.hazards_rectified_ctd, 0) + sum(d.hazards_rectified) over w end,
       case when d.metric_date < :inspectionsFrom then s.inspections_ctd
            else coalesce(ib.inspections_ctd, 0) + sum(d.inspections) over w end,
       case when d.metric_date < :inspectionsFrom then s.violations_found_ctd
            else coalesce(ib.violations_found_ctd, 0) + sum(d.violations_found) over w end,
       case when d.metric_date < :inspectionsFrom then s.violations_handled_ctd
            else coalesce(ib.violations_handled_ctd, 0) + sum(d.violations_handled) over w end,
       case when d.metric_date < :reportingFrom then s.reported_day else d.reported_day end
from daily d
left join stored s on s.precinct_code = d.precinct_code and s.metric_date = d.metric_date
left join visits_before vb on vb.precinct_code = d.precinct_code
left join inspections_before ib on ib.precinct_code = d.precinct_code
left join ledgers_before lb on lb.precinct_code = d.precinct_code
window w as (partition by d.precinct_code order by d.metric_date)
on conflict (metric_date, precinct_code) do update
set visits_day                  = excluded.visits_day,
    visits_ctd                  = excluded.visits_ctd,
    persons_reached_day         = excluded.persons_reached_day,
    persons_reached_ctd         = excluded.persons_reached_ctd,
    units_visited_ctd           = excluded.units_visited_ctd,
    key_enterprises_visited_ctd = excluded.key_enterprises_visited_ctd,
    disputes_found_ctd          = excluded.disputes_found_ctd,
    disputes_resolved_ctd       = excluded.disputes_resolved_ctd,
    disputes_referred_ctd       = excluded.disputes_referred_ctd,
    disputes_escalated_ctd      = excluded.disputes_escalated_ctd,
    hazards_found_ctd           = excluded.hazards_found_ctd,
    hazards_rectified_ctd       = excluded.hazards_rectified_ctd,
    inspections_ctd             = excluded.inspections_ctd,
    violations_found_ctd        = excluded.violations_found_ctd,
    violations_handled_ctd      = excluded.violations_handled_ctd,
    reported_day                = excluded.reported_day;
