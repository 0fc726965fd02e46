-- The report's list of active precincts without an active file for :day.
select city_name,
       county_name,
       precinct_code,
       precinct_name
from mart.unreported_precincts
where metric_date = :day
order by city_code, county_code, precinct_code
