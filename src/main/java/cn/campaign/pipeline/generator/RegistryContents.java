package cn.campaign.pipeline.generator;

import cn.campaign.pipeline.csv.CsvRecord;
import cn.campaign.pipeline.csv.CsvRecordReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the two cities' submissions need of a registry, read from its five files (such as
 * {@link TwoCitiesRegistry} writes) with the pipeline's own CSV reader: the active precincts in
 * file order, their counties and units, the communities, and the enterprises (key or not)
 * and venues of each unit.
 */
record RegistryContents(List<String> activePrecincts, Map<String, String> countyOfPrecinct,
                        Map<String, List<String>> unitsOfPrecinct, Set<String> communities,
                        Map<String, List<String>> enterprisesOfUnit, Set<String> keyEnterprises,
                        Map<String, List<String>> venuesOfUnit) {

    static RegistryContents read(Path dir) throws IOException {
        Set<String> communities = new HashSet<>();
        for (Map<String, String> region : rows(RegistryFile.REGIONS.in(dir))) {
            if ("community".equals(region.get("level"))) {
                communities.add(region.get("code"));
            }
        }
        List<String> active = new ArrayList<>();
        Map<String, String> countyOfPrecinct = new HashMap<>();
        for (Map<String, String> precinct : rows(RegistryFile.PRECINCTS.in(dir))) {
            countyOfPrecinct.put(precinct.get("precinct_code"), precinct.get("county_code"));
            if ("true".equals(precinct.get("active"))) {
                active.add(precinct.get("precinct_code"));
            }
        }
        Map<String, List<String>> unitsOfPrecinct = new LinkedHashMap<>();
        for (Map<String, String> row : rows(RegistryFile.JURISDICTION.in(dir))) {
            unitsOfPrecinct.computeIfAbsent(row.get("precinct_code"), p -> new ArrayList<>()).add(row.get("unit_code"));
        }
        Map<String, List<String>> enterprisesOfUnit = new HashMap<>();
        Set<String> keyEnterprises = new HashSet<>();
        for (Map<String, String> enterprise : rows(RegistryFile.ENTERPRISES.in(dir))) {
            String creditCode = enterprise.get("credit_code");
            enterprisesOfUnit.computeIfAbsent(enterprise.get("unit_code"), u -> new ArrayList<>()).add(creditCode);
            if ("true".equals(enterprise.get("key"))) {
                keyEnterprises.add(creditCode);
            }
        }
        Map<String, List<String>> venuesOfUnit = new HashMap<>();
        for (Map<String, String> venue : rows(RegistryFile.VENUES.in(dir))) {
            venuesOfUnit.computeIfAbsent(venue.get("unit_code"), u -> new ArrayList<>()).add(venue.get("venue_id"));
        }
        return new RegistryContents(active, countyOfPrecinct, unitsOfPrecinct, communities, enterprisesOfUnit,
                keyEnterprises, venuesOfUnit);
    }

    /** The records of a registry file by column name (UTF-8, a header row). */
    private static List<Map<String, String>> rows(Path file) throws IOException {
        try (CsvRecordReader reader = new CsvRecordReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            CsvRecord header = reader.next();
            if (header == null || header.malformed()) {
                throw new IOException(file + " has no header row");
            }
            List<String> columns = header.fields().stream().map(name -> name.replace("\uFEFF", "")).toList();
            List<Map<String, String>> rows = new ArrayList<>();
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), i < record.size() ? record.fields().get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
