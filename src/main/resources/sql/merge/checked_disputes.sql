-- Every staged dispute snapshot with all its codes (R06: unit not in the registry) and its
-- outcome: rejected, duplicate (identical to a later loaded line of the same file, every
-- field equal) or loaded. Of identical lines the last is kept, so its line orders it among
-- the case's snapshots (docs/decisions.md).
create temp table checked_dispute on commit drop as
with staged as (
    select s.*, f.precinct_code, f.submission_date,
           s.codes || case
               when s.unit_code is not null and j.unit_code is null then '{R06}'::text[]
               else '{}'::text[]
           end as all_codes
    from ingest.stage_dispute s
    join ingest.file f on f.file_id = s.file_id and f.state = 'staged'
    left join registry.jurisdiction j on j.unit_code = s.unit_code)
select staged.*,
       case
           when cardinality(all_codes) > 0 then 'rejected'
           when row_number() over (partition by file_id, case_id, reported_date, dispute_type, unit_code, status,
                                                status_date, mechanism, escalated, note, cardinality(all_codes) = 0
                                   order by line_no desc) > 1
               then 'duplicate'
           else 'loaded'
       end as outcome
from staged;

-- temporary tables get no statistics by themselves, and the merges below join on this one
analyze checked_dispute;
