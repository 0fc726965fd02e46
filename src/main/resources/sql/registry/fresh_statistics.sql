-- The staging tables were just filled by COPY and have no statistics yet: without them
-- registry_errors.sql is planned for a handful of rows, its NOT EXISTS checks as nested
-- loops over whole CTEs, quadratic in the registry (2 minutes for 1,000 precincts, half
-- an hour for 4,000).
analyze registry.stage_regions, registry.stage_precincts, registry.stage_jurisdiction, registry.stage_enterprises,
    registry.stage_venues;
