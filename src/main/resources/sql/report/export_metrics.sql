-- jobs/export: mart.daily_org_metrics of one level over a date range, every column in the
-- table's order, for a spreadsheet.
select metric_date, org_level, org_code, org_name,
       visits_day, visits_ctd, persons_reached_day, persons_reached_ctd,
       units_total, units_visited_ctd, unit_coverage,
       key_enterprises_total, key_enterprises_visited_ctd, enterprise_coverage,
       disputes_found_ctd, disputes_resolved_ctd, disputes_referred_ctd, dispute_resolution_rate, disputes_escalated_ctd,
       hazards_found_ctd, hazards_rectified_ctd, hazard_rectification_rate,
       inspections_ctd, violations_found_ctd, violations_handled_ctd,
       precincts_expected, precincts_reported_day, reporting_coverage
from mart.daily_org_metrics
where org_level = :level
  and metric_date between :fromDate and :toDate
order by metric_date, org_code
