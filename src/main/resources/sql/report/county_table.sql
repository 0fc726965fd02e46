-- The report's county table: every county on :day with its city.
select m.*,
       city.name as city_name
from mart.daily_org_metrics m
join registry.region county on county.code = m.org_code
left join registry.region city on city.code = county.parent_code
where m.metric_date = :day
  and m.org_level = 'county'
order by m.org_code
