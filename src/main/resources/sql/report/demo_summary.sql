-- The demo's closing table: the region, every city and county on the last day, with the
-- rows rejected from their precincts' files.
with precinct_rejects as (
    select precinct_code, sum(rows_rejected) as rows_rejected
    from ingest.file
    where state = 'read'
    group by precinct_code),
org_rejects as (
    select county.code as org_code, sum(r.rows_rejected) as rows_rejected
    from precinct_rejects r
    join registry.region county on county.code = left(r.precinct_code, 6)
    group by county.code
    union all
    select city.code, sum(r.rows_rejected)
    from precinct_rejects r
    join registry.region county on county.code = left(r.precinct_code, 6)
    join registry.region city on city.code = county.parent_code
    group by city.code
    union all
    select city.parent_code, sum(r.rows_rejected)
    from precinct_rejects r
    join registry.region county on county.code = left(r.precinct_code, 6)
    join registry.region city on city.code = county.parent_code
    group by city.parent_code)
select m.metric_date,
       m.org_level,
       m.org_code,
       m.org_name,
       m.dispute_resolution_rate,
       m.disputes_resolved_ctd,
       m.disputes_found_ctd,
       m.hazard_rectification_rate,
       m.hazards_rectified_ctd,
       m.hazards_found_ctd,
       m.unit_coverage,
       m.enterprise_coverage,
       m.reporting_coverage,
       coalesce(r.rows_rejected, 0) as rows_rejected
from mart.daily_org_metrics m
left join org_rejects r using (org_code)
where m.metric_date = (select max(metric_date) from mart.daily_org_metrics)
  and m.org_level in ('region', 'city', 'county')
order by m.org_code
