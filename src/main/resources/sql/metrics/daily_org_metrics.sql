-- mart.daily_org_metrics (contract section 5) for the days :fromDate..:toDate: every
-- precinct, county, city and region of the registry, active or not. A county covers the
-- precincts whose code starts with its code, a city its counties, a region its cities.
-- Counts are sums over the precincts; rates are ratios of those sums, NULL over zero.
delete from mart.daily_org_metrics where metric_date >= :fromDate;

insert into mart.daily_org_metrics
with precinct_total as materialized (
    select p.precinct_code,
           p.active::int                        as expected,
           coalesce(units.total, 0)             as units_total,
           coalesce(key_enterprises.total, 0)   as key_enterprises_total
    from registry.precinct p
    left join (select precinct_code, count(*) as total
               from registry.jurisdiction
               group by precinct_code) units using (precinct_code)
    left join (select j.precinct_code, count(*) as total
               from registry.enterprise e
               join registry.jurisdiction j on j.unit_code = e.unit_code
               where e.is_key
               group by j.precinct_code) key_enterprises using (precinct_code)),
org as (
    select 'precinct' as org_level, precinct_code as org_code, name as org_name from registry.precinct
    union all
    select level, code, name from registry.region where level in ('county', 'city', 'region')),
membership as materialized (
    select p.precinct_code, 'precinct' as org_level, p.precinct_code as org_code from registry.precinct p
    union all
    select p.precinct_code, 'county', county.code
    from registry.precinct p join registry.region county on county.level = 'county' and left(p.precinct_code, 6) = county.code
    union all
    select p.precinct_code, 'city', city.code
    from registry.precinct p
    join registry.region county on county.level = 'county' and left(p.precinct_code, 6) = county.code
    join registry.region city on city.level = 'city' and city.code = county.parent_code
    union all
    select p.precinct_code, 'region', region.code
    from registry.precinct p
    join registry.region county on county.level = 'county' and left(p.precinct_code, 6) = county.code
    join registry.region city on city.level = 'city' and city.code = county.parent_code
    join registry.region region on region.level = 'region' and region.code = city.parent_code),
summed as (
    select d.metric_date, m.org_level, m.org_code,
           sum(d.visits_day)                  as visits_day,
           sum(d.visits_ctd)                  as visits_ctd,
           sum(d.persons_reached_day)         as persons_reached_day,
           sum(d.persons_reached_ctd)         as persons_reached_ctd,
           sum(t.units_total)                 as units_total,
           sum(d.units_visited_ctd)           as units_visited_ctd,
           sum(t.key_enterprises_total)       as key_enterprises_total,
           sum(d.key_enterprises_visited_ctd) as key_enterprises_visited_ctd,
           sum(d.disputes_found_ctd)          as disputes_found_ctd,
           sum(d.disputes_resolved_ctd)       as disputes_resolved_ctd,
           sum(d.disputes_referred_ctd)       as disputes_referred_ctd,
           sum(d.disputes_escalated_ctd)      as disputes_escalated_ctd,
           sum(d.hazards_found_ctd)           as hazards_found_ctd,
           sum(d.hazards_rectified_ctd)       as hazards_rectified_ctd,
           sum(d.inspections_ctd)             as inspections_ctd,
           sum(d.violations_found_ctd)        as violations_found_ctd,
           sum(d.violations_handled_ctd)      as violations_handled_ctd,
           sum(t.expected)                    as precincts_expected,
           sum(d.reported_day * t.expected)   as precincts_reported_day
    from mart.precinct_daily d
    join precinct_total t using (precinct_code)
    join membership m using (precinct_code)
    where d.metric_date between :fromDate and :toDate
    group by 1, 2, 3),
grid as (
    select day::date as metric_date, o.org_level, o.org_code, o.org_name
    from generate_series(:fromDate::date, :toDate::date, interval '1 day') as day
    cross join org o)
select g.metric_date, g.org_level, g.org_code, g.org_name,
       coalesce(s.visits_day, 0), coalesce(s.visits_ctd, 0),
       coalesce(s.persons_reached_day, 0), coalesce(s.persons_reached_ctd, 0),
       coalesce(s.units_total, 0), coalesce(s.units_visited_ctd, 0),
       s.units_visited_ctd::numeric / nullif(s.units_total, 0),
       coalesce(s.key_enterprises_total, 0), coalesce(s.key_enterprises_visited_ctd, 0),
       s.key_enterprises_visited_ctd::numeric / nullif(s.key_enterprises_total, 0),
       coalesce(s.disputes_found_ctd, 0), coalesce(s.disputes_resolved_ctd, 0), coalesce(s.disputes_referred_ctd, 0),
       s.disputes_resolved_ctd::numeric / nullif(s.disputes_found_ctd, 0),
       coalesce(s.disputes_escalated_ctd, 0),
       coalesce(s.hazards_found_ctd, 0), coalesce(s.hazards_rectified_ctd, 0),
       s.hazards_rectified_ctd::numeric / nullif(s.hazards_found_ctd, 0),
       coalesce(s.inspections_ctd, 0), coalesce(s.violations_found_ctd, 0), coalesce(s.violations_handled_ctd, 0),
       coalesce(s.precincts_expected, 0), coalesce(s.precincts_reported_day, 0),
       s.precincts_reported_day::numeric / nullif(s.precincts_expected, 0)
from grid g
left join summed s using (metric_date, org_level, org_code);
