-- The day the report is about: the latest date with metrics (NULL before any active file).
select max(metric_date) as metric_date
from mart.daily_org_metrics
