-- Every check of registry_errors.sql looks only at lines with the right number of fields.
-- Compared column to column (field_count = expected_fields), PostgreSQL guesses that 0.5%
-- of the lines qualify where nearly all do, and before version 17 plans the checks against
-- the whole files as nested loops: the national registry (4,000 precincts) did not load in
-- an hour on PostgreSQL 15. A column of its own gets statistics from the analyze before the
-- checks.
alter table registry.stage_regions add column fields_ok boolean generated always as (field_count = expected_fields) stored;
alter table registry.stage_precincts add column fields_ok boolean generated always as (field_count = expected_fields) stored;
alter table registry.stage_jurisdiction add column fields_ok boolean generated always as (field_count = expected_fields) stored;
alter table registry.stage_enterprises add column fields_ok boolean generated always as (field_count = expected_fields) stored;
alter table registry.stage_venues add column fields_ok boolean generated always as (field_count = expected_fields) stored;
