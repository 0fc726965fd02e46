-- Replaces the registry in force by the staged, validated one, in the load's transaction.
delete from registry.venue;
delete from registry.enterprise;
delete from registry.jurisdiction;
delete from registry.precinct;
delete from registry.region;
insert into registry.region (code, name, level, parent_code)
select code, name, level, nullif(parent_code, '') from registry.stage_regions;
insert into registry.precinct (precinct_code, name, county_code, active)
select precinct_code, name, county_code, active::boolean from registry.stage_precincts;
insert into registry.jurisdiction (unit_code, precinct_code)
select unit_code, precinct_code from registry.stage_jurisdiction;
insert into registry.enterprise (credit_code, name, unit_code, is_key)
select credit_code, name, unit_code, key::boolean from registry.stage_enterprises;
insert into registry.venue (venue_id, name, venue_type, unit_code)
select venue_id, name, venue_type, unit_code from registry.stage_venues;
insert into registry.load (source_dir, regions, precincts, jurisdiction, enterprises, venues)
select :sourceDir,
       (select count(*) from registry.region),
       (select count(*) from registry.precinct),
       (select count(*) from registry.jurisdiction),
       (select count(*) from registry.enterprise),
       (select count(*) from registry.venue);
