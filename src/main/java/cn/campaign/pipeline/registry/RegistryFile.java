package cn.campaign.pipeline.registry;

import java.util.List;

/** The five registry files of contract section 1, with their columns in staging order. */
enum RegistryFile {
    REGIONS("regions.csv", "registry.stage_regions", List.of("code", "name", "level", "parent_code")),
    PRECINCTS("precincts.csv", "registry.stage_precincts", List.of("precinct_code", "name", "county_code", "active")),
    JURISDICTION("jurisdiction.csv", "registry.stage_jurisdiction", List.of("precinct_code", "unit_code")),
    ENTERPRISES("enterprises.csv", "registry.stage_enterprises", List.of("credit_code", "name", "unit_code", "key")),
    VENUES("venues.csv", "registry.stage_venues", List.of("venue_id", "name", "venue_type", "unit_code"));

    final String fileName;
    final String stagingTable;
    final List<String> columns;

    RegistryFile(String fileName, String stagingTable, List<String> columns) {
        this.fileName = fileName;
        this.stagingTable = stagingTable;
        this.columns = columns;
    }
}
