-- Every rule of contract section 1, checked over the staged registry files at once.
-- One row per broken rule: (file, line_no, rule). Empty result = the registry may be published.
with
region_level(level, code_pattern, parent_level, depth) as (
    values ('region',    '^[0-9]{6}$',  null,       0),
           ('city',      '^[0-9]{6}$',  'region',   1),
           ('county',    '^[0-9]{6}$',  'city',     2),
           ('township',  '^[0-9]{9}$',  'county',   3),
           ('village',   '^[0-9]{12}$', 'township', 4),
           ('community', '^[0-9]{12}$', 'township', 4)),
first_region as (
    select distinct on (code) code, level, line_no from registry.stage_regions
    where code <> '' order by code, line_no),
first_precinct as (
    select distinct on (precinct_code) precinct_code, line_no from registry.stage_precincts
    where precinct_code <> '' order by precinct_code, line_no),
unit as (
    select code from first_region where level in ('village', 'community')),
errors(file, line_no, rule) as (
    -- wrong number of fields: the line's other checks would be meaningless
    select 'regions.csv', line_no, 'wrong number of fields (expected ' || expected_fields || ', found ' || field_count || ')'
    from registry.stage_regions where not fields_ok
    union all select 'precincts.csv', line_no, 'wrong number of fields (expected ' || expected_fields || ', found ' || field_count || ')'
    from registry.stage_precincts where not fields_ok
    union all select 'jurisdiction.csv', line_no, 'wrong number of fields (expected ' || expected_fields || ', found ' || field_count || ')'
    from registry.stage_jurisdiction where not fields_ok
    union all select 'enterprises.csv', line_no, 'wrong number of fields (expected ' || expected_fields || ', found ' || field_count || ')'
    from registry.stage_enterprises where not fields_ok
    union all select 'venues.csv', line_no, 'wrong number of fields (expected ' || expected_fields || ', found ' || field_count || ')'
    from registry.stage_venues where not fields_ok

    -- regions.csv
    union all select 'regions.csv', r.line_no, 'code is empty'
    from registry.stage_regions r where r.fields_ok and r.code = ''
    union all select 'regions.csv', r.line_no, 'name is empty'
    from registry.stage_regions r where r.fields_ok and r.name = ''
    union all select 'regions.csv', r.line_no, 'level "' || r.level || '" is not one of region, city, county, township, village, community'
    from registry.stage_regions r where r.fields_ok
      and not exists (select 1 from region_level l where l.level = r.level)
    union all select 'regions.csv', r.line_no, 'code "' || r.code || '" is not a valid ' || r.level || ' code (' ||
           case when l.depth <= 2 then '6' when l.depth = 3 then '9' else '12' end || ' digits)'
    from registry.stage_regions r join region_level l on l.level = r.level
    where r.fields_ok and r.code <> '' and r.code !~ l.code_pattern
    union all select 'regions.csv', r.line_no, 'duplicate code "' || r.code || '" (first on line ' || f.line_no || ')'
    from registry.stage_regions r join first_region f on f.code = r.code
    where r.fields_ok and r.line_no <> f.line_no
    union all select 'regions.csv', r.line_no, 'a region has no parent_code, but this one has "' || r.parent_code || '"'
    from registry.stage_regions r where r.fields_ok and r.level = 'region' and r.parent_code <> ''
    union all select 'regions.csv', r.line_no, 'parent_code is empty (only a region has no parent)'
    from registry.stage_regions r where r.fields_ok and r.level <> 'region' and r.parent_code = ''
      and exists (select 1 from region_level l where l.level = r.level)
    union all select 'regions.csv', r.line_no, 'parent_code "' || r.parent_code || '" is not in regions.csv'
    from registry.stage_regions r
    where r.fields_ok and r.parent_code <> ''
      and not exists (select 1 from first_region p where p.code = r.parent_code)
    union all select 'regions.csv', r.line_no, 'parent "' || r.parent_code || '" is a ' || p.level ||
           ', but the parent of a ' || r.level || ' must be a ' || l.parent_level
    from registry.stage_regions r
    join region_level l on l.level = r.level
    join first_region p on p.code = r.parent_code
    where r.fields_ok and l.parent_level is not null and p.level <> l.parent_level
    union all select 'regions.csv', r.line_no, r.level || ' "' || r.code || '" belongs to no precinct in jurisdiction.csv'
    from registry.stage_regions r join first_region f on f.code = r.code and f.line_no = r.line_no
    where r.fields_ok and r.level in ('village', 'community')
      and not exists (select 1 from registry.stage_jurisdiction j where j.unit_code = r.code)

    -- precincts.csv
    union all select 'precincts.csv', p.line_no, 'name is empty'
    from registry.stage_precincts p where p.fields_ok and p.name = ''
    union all select 'precincts.csv', p.line_no, 'precinct_code "' || p.precinct_code || '" is not 12 digits'
    from registry.stage_precincts p where p.fields_ok and p.precinct_code !~ '^[0-9]{12}$'
    union all select 'precincts.csv', p.line_no, 'duplicate precinct_code "' || p.precinct_code || '" (first on line ' || f.line_no || ')'
    from registry.stage_precincts p join first_precinct f on f.precinct_code = p.precinct_code
    where p.fields_ok and p.line_no <> f.line_no
    union all select 'precincts.csv', p.line_no, 'county_code "' || p.county_code || '" is not a county in regions.csv'
    from registry.stage_precincts p
    where p.fields_ok
      and not exists (select 1 from first_region r where r.code = p.county_code and r.level = 'county')
    union all select 'precincts.csv', p.line_no, 'the first 6 digits of precinct_code "' || p.precinct_code ||
           '" are not its county_code "' || p.county_code || '"'
    from registry.stage_precincts p
    where p.fields_ok and p.precinct_code ~ '^[0-9]{12}$' and left(p.precinct_code, 6) <> p.county_code
    union all select 'precincts.csv', p.line_no, 'active "' || p.active || '" is not one of true, false'
    from registry.stage_precincts p where p.fields_ok and p.active not in ('true', 'false')

    -- jurisdiction.csv
    union all select 'jurisdiction.csv', j.line_no, 'precinct_code "' || j.precinct_code || '" is not in precincts.csv'
    from registry.stage_jurisdiction j
    where j.fields_ok and not exists (select 1 from first_precinct p where p.precinct_code = j.precinct_code)
    union all select 'jurisdiction.csv', j.line_no, 'unit_code "' || j.unit_code || '" is not a village or community in regions.csv'
    from registry.stage_jurisdiction j
    where j.fields_ok and not exists (select 1 from unit u where u.code = j.unit_code)
    union all select 'jurisdiction.csv', j.line_no, 'unit "' || j.unit_code || '" already belongs to a precinct (line ' || f.line_no || ')'
    from registry.stage_jurisdiction j
    join (select distinct on (unit_code) unit_code, line_no from registry.stage_jurisdiction
          where fields_ok order by unit_code, line_no) f on f.unit_code = j.unit_code
    where j.fields_ok and j.line_no <> f.line_no

    -- enterprises.csv
    union all select 'enterprises.csv', e.line_no, 'name is empty'
    from registry.stage_enterprises e where e.fields_ok and e.name = ''
    union all select 'enterprises.csv', e.line_no, 'credit_code "' || e.credit_code || '" fails the GB 32100-2015 check character'
    from registry.stage_enterprises e where e.fields_ok and not registry.credit_code_is_valid(e.credit_code)
    union all select 'enterprises.csv', e.line_no, 'duplicate credit_code "' || e.credit_code || '" (first on line ' || f.line_no || ')'
    from registry.stage_enterprises e
    join (select distinct on (credit_code) credit_code, line_no from registry.stage_enterprises
          where fields_ok order by credit_code, line_no) f on f.credit_code = e.credit_code
    where e.fields_ok and e.line_no <> f.line_no
    union all select 'enterprises.csv', e.line_no, 'unit_code "' || e.unit_code || '" is not a village or community in regions.csv'
    from registry.stage_enterprises e
    where e.fields_ok and not exists (select 1 from unit u where u.code = e.unit_code)
    union all select 'enterprises.csv', e.line_no, 'key "' || e.key || '" is not one of true, false'
    from registry.stage_enterprises e where e.fields_ok and e.key not in ('true', 'false')

    -- venues.csv
    union all select 'venues.csv', v.line_no, 'venue_id is empty'
    from registry.stage_venues v where v.fields_ok and v.venue_id = ''
    union all select 'venues.csv', v.line_no, 'name is empty'
    from registry.stage_venues v where v.fields_ok and v.name = ''
    union all select 'venues.csv', v.line_no, 'duplicate venue_id "' || v.venue_id || '" (first on line ' || f.line_no || ')'
    from registry.stage_venues v
    join (select distinct on (venue_id) venue_id, line_no from registry.stage_venues
          where fields_ok order by venue_id, line_no) f on f.venue_id = v.venue_id
    where v.fields_ok and v.venue_id <> '' and v.line_no <> f.line_no
    union all select 'venues.csv', v.line_no, 'venue_type "' || v.venue_type ||
           '" is not one of rental_housing, entertainment, hotel, internet_cafe, other'
    from registry.stage_venues v
    where v.fields_ok and v.venue_type not in ('rental_housing', 'entertainment', 'hotel', 'internet_cafe', 'other')
    union all select 'venues.csv', v.line_no, 'unit_code "' || v.unit_code || '" is not a village or community in regions.csv'
    from registry.stage_venues v
    where v.fields_ok and not exists (select 1 from unit u where u.code = v.unit_code))
select file, line_no, rule
from errors
order by array_position(array ['regions.csv', 'precincts.csv', 'jurisdiction.csv', 'enterprises.csv', 'venues.csv'], file),
         line_no, rule
