-- Every staged hazard snapshot with all its codes (R06: unit not in the registry) and its
-- outcome: rejected, duplicate (identical to a later loaded line of the same file) or
-- loaded; of identical lines the last is kept (docs/decisions.md).
create temp table checked_hazard on commit drop as
with staged as (
    select s.*, f.precinct_code, f.submission_date,
           s.codes || case
               when s.unit_code is not null and j.unit_code is null then '{R06}'::text[]
               else '{}'::text[]
           end as all_codes
    from ingest.stage_hazard s
    join ingest.file f on f.file_id = s.file_id and f.state = 'staged'
    left join registry.jurisdiction j on j.unit_code = s.unit_code)
select staged.*,
       case
           when cardinality(all_codes) > 0 then 'rejected'
           when row_number() over (partition by file_id, hazard_id, found_date, category, unit_code, status, status_date,
                                                cardinality(all_codes) = 0
                                   order by line_no desc) > 1
               then 'duplicate'
           else 'loaded'
       end as outcome
from staged;

-- temporary tables get no statistics by themselves, and the merges below join on this one
analyze checked_hazard;
