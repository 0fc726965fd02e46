-- Every staged inspection row with all its codes (R06: venue not in the registry) and its
-- outcome: rejected, duplicate (the inspection_id occurs again on a later loaded line of
-- the same file) or loaded: the last line of a key is the one used (contract section 4).
create temp table checked_inspection on commit drop as
with staged as (
    select s.*, f.precinct_code, f.submission_date,
           s.codes || case
               when s.venue_id is not null and v.venue_id is null then '{R06}'::text[]
               else '{}'::text[]
           end as all_codes
    from ingest.stage_inspection s
    join ingest.file f on f.file_id = s.file_id and f.state = 'staged'
    left join registry.venue v on v.venue_id = s.venue_id)
select staged.*,
       case
           when cardinality(all_codes) > 0 then 'rejected'
           when row_number() over (partition by file_id, inspection_id, cardinality(all_codes) = 0 order by line_no desc) > 1
               then 'duplicate'
           else 'loaded'
       end as outcome
from staged;

-- temporary tables get no statistics by themselves, and the merges below join on this one
analyze checked_inspection;
