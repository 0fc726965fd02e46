-- The report's charts: resolution rate and unit coverage of every city, every day up to :day.
select org_code,
       org_name,
       to_char(metric_date, 'YYYY-MM-DD') as metric_date,
       dispute_resolution_rate,
       unit_coverage
from mart.daily_org_metrics
where org_level = 'city'
  and metric_date <= :day
order by org_code, metric_date
