-- The report's headline: the region and every city on :day, each rate beside its value on
-- the day before (NULL on the first day) for the change.
select t.*,
       p.dispute_resolution_rate   as previous_dispute_resolution_rate,
       p.hazard_rectification_rate as previous_hazard_rectification_rate,
       p.unit_coverage             as previous_unit_coverage,
       p.enterprise_coverage       as previous_enterprise_coverage,
       p.reporting_coverage        as previous_reporting_coverage
from mart.daily_org_metrics t
left join mart.daily_org_metrics p
       on p.org_level = t.org_level and p.org_code = t.org_code and p.metric_date = t.metric_date - 1
where t.metric_date = :day
  and t.org_level in ('region', 'city')
order by t.org_level = 'city', t.org_code
