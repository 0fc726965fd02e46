-- Every staged visit row with all its codes: Java's (R01-R05, R08) plus the registry
-- checks (R06 target not in the registry, R07 credit code failing its check character,
-- which is also R06), and its outcome for the file's accounting: rejected (any code),
-- duplicate (the key occurs again on a later loaded line of the same file), or loaded.
-- The file counts the later line as the repeat; the row used is the later line, so of a
-- key's lines the last is the one loaded (contract sections 3 and 4).
create temp table checked_visit on commit drop as
with staged as (
    select s.*, f.precinct_code, f.submission_date,
           s.codes || case
               when s.target_code is null or s.target_type is null then '{}'::text[]
               when s.target_type = 'enterprise' and e.credit_code is not null then '{}'::text[]
               -- every registry enterprise passed the check character: only unknown codes need it
               when s.target_type = 'enterprise' and not registry.credit_code_is_valid(s.target_code)
                   then '{R06,R07}'::text[]
               when s.target_type = 'enterprise' then '{R06}'::text[]
               when s.target_type = 'venue' and v.venue_id is null then '{R06}'::text[]
               when s.target_type in ('household', 'village', 'community') and j.unit_code is null then '{R06}'::text[]
               else '{}'::text[]
           end as all_codes
    from ingest.stage_visit s
    join ingest.file f on f.file_id = s.file_id and f.state = 'staged'
    -- joins rather than a lookup per row: each key is unique in its table, so no row repeats
    left join registry.enterprise e on s.target_type = 'enterprise' and e.credit_code = s.target_code
    left join registry.venue v on s.target_type = 'venue' and v.venue_id = s.target_code
    left join registry.jurisdiction j
      on s.target_type in ('household', 'village', 'community') and j.unit_code = s.target_code)
select staged.*,
       case
           when cardinality(all_codes) > 0 then 'rejected'
           when row_number() over (partition by file_id, visit_id, cardinality(all_codes) = 0 order by line_no desc) > 1
               then 'duplicate'
           else 'loaded'
       end as outcome
from staged;

-- temporary tables get no statistics by themselves, and the merges below join on this one
analyze checked_visit;
