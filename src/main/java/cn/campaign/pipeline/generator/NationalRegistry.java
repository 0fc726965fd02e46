package cn.campaign.pipeline.generator;

import static cn.campaign.pipeline.generator.Codes.digits;
import static cn.campaign.pipeline.generator.Draws.mix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's registry (contract section 1) at national scale: one region, cities of up to
 * {@value #COUNTIES_PER_CITY} counties, counties of up to {@value #PRECINCTS_PER_COUNTY}
 * precincts, each precinct with one township of villages and communities, their
 * enterprises (valid GB 32100-2015 credit codes) and venues.
 * <p>
 * Nothing is kept in memory: every code is a pure function of the seed and the indices
 * (precinct, unit, enterprise, venue), so {@link NationalDay} draws submission targets from
 * the same functions and the files are written one row at a time.
 */
public final class NationalRegistry {

    static final int PRECINCTS_PER_COUNTY = 20;
    static final int COUNTIES_PER_CITY = 15;
    private static final String REGION_CODE = "610000";

    /** What {@link #write} produced. */
    public record Counts(int regions, int precincts, int activePrecincts, int units, int enterprises, int venues) {
    }

    private final int precincts;
    private final long seed;

    public NationalRegistry(int precincts, long seed) {
        if (precincts < 1 || precincts > 99 * COUNTIES_PER_CITY * PRECINCTS_PER_COUNTY) {
            throw new IllegalArgumentException("precincts must be 1.." + 99 * COUNTIES_PER_CITY * PRECINCTS_PER_COUNTY);
        }
        this.precincts = precincts;
        this.seed = seed;
    }

    public int precincts() {
        return precincts;
    }

    // ---- the shape, index by index

    private int counties() {
        return (precincts + PRECINCTS_PER_COUNTY - 1) / PRECINCTS_PER_COUNTY;
    }

    private static String cityCode(int city) {
        return REGION_CODE.substring(0, 2) + digits(city + 1, 2) + "00";
    }

    private static String countyCodeOf(int county) {
        return cityCode(county / COUNTIES_PER_CITY).substring(0, 4) + digits(county % COUNTIES_PER_CITY + 1, 2);
    }

    String countyCode(int precinct) {
        return countyCodeOf(precinct / PRECINCTS_PER_COUNTY);
    }

    String precinctCode(int precinct) {
        return Codes.precinctCode(countyCode(precinct), precinct % PRECINCTS_PER_COUNTY + 1);
    }

    private String townshipCode(int precinct) {
        return Codes.townshipCode(countyCode(precinct), precinct % PRECINCTS_PER_COUNTY + 1);
    }

    /** One precinct in fifty is inactive: it sends nothing, its units still count. */
    boolean active(int precinct) {
        return Math.floorMod(mix(seed, precinct, 1), 50) != 0;
    }

    int unitCount(int precinct) {
        return 10 + (int) Math.floorMod(mix(seed, precinct, 2), 11);
    }

    /** The first units of a precinct are communities (town centre), the rest villages. */
    boolean community(int precinct, int unit) {
        return unit < 2 + Math.floorMod(mix(seed, precinct, 3), 5);
    }

    /** Communities are numbered 001-199 in their township, villages 200-399 (national scheme). */
    String unitCode(int precinct, int unit) {
        return Codes.unitCode(townshipCode(precinct), community(precinct, unit) ? unit + 1 : 200 + unit);
    }

    int enterpriseCount(int precinct, int unit) {
        return community(precinct, unit) ? 5 : 2;
    }

    /**
     * A company of the county whose organisation code is the precinct (within its county),
     * unit and enterprise indices in base 31 (unique by construction) and five drawn symbols.
     */
    String creditCode(int precinct, int unit, int enterprise) {
        long drawn = Math.floorMod(mix(seed, precinct, unit, enterprise, 4), 31L * 31 * 31 * 31 * 31);
        return Codes.creditCode(EntityKind.COMPANY.codePrefix, countyCode(precinct),
                Codes.base31(precinct % PRECINCTS_PER_COUNTY, 1) + Codes.base31(unit, 2) + Codes.base31(enterprise, 1)
                        + Codes.base31(drawn, 5));
    }

    /** Seven enterprises in ten are key enterprises (重点企业). */
    boolean keyEnterprise(int precinct, int unit, int enterprise) {
        return Math.floorMod(mix(seed, precinct, unit, enterprise, 5), 10) < 7;
    }

    int venueCount(int precinct, int unit) {
        return community(precinct, unit) ? 4 : 1;
    }

    String venueId(int precinct, int unit, int venue) {
        return Codes.venueId(unitCode(precinct, unit), venue + 1);
    }

    // ---- the five files, streamed

    /** Writes regions.csv, precincts.csv, jurisdiction.csv, enterprises.csv and venues.csv into {@code dir}. */
    public Counts write(Path dir) throws IOException {
        Files.createDirectories(dir);
        int regions = 0;
        int active = 0;
        int units = 0;
        int enterprises = 0;
        int venues = 0;
        try (RegistryFile.Writer out = RegistryFile.REGIONS.create(dir)) {
            out.row(REGION_CODE, "全国基准自治区", "region", "");
            regions++;
            for (int county = 0; county < counties(); county++) {
                if (county % COUNTIES_PER_CITY == 0) {
                    out.row(cityCode(county / COUNTIES_PER_CITY), "基准" + (county / COUNTIES_PER_CITY + 1) + "市", "city",
                            REGION_CODE);
                    regions++;
                }
                out.row(countyCodeOf(county), "基准" + (county + 1) + "县", "county", cityCode(county / COUNTIES_PER_CITY));
                regions++;
            }
            for (int precinct = 0; precinct < precincts; precinct++) {
                out.row(townshipCode(precinct), "基准" + (precinct + 1) + "镇", "township", countyCode(precinct));
                regions++;
                for (int unit = 0; unit < unitCount(precinct); unit++) {
                    boolean community = community(precinct, unit);
                    out.row(unitCode(precinct, unit), (unit + 1) + (community ? "社区" : "村"),
                            community ? "community" : "village", townshipCode(precinct));
                    regions++;
                }
            }
        }
        try (RegistryFile.Writer out = RegistryFile.PRECINCTS.create(dir)) {
            for (int precinct = 0; precinct < precincts; precinct++) {
                out.row(precinctCode(precinct), "基准" + (precinct + 1) + "派出所", countyCode(precinct),
                        String.valueOf(active(precinct)));
                active += active(precinct) ? 1 : 0;
            }
        }
        try (RegistryFile.Writer out = RegistryFile.JURISDICTION.create(dir)) {
            for (int precinct = 0; precinct < precincts; precinct++) {
                for (int unit = 0; unit < unitCount(precinct); unit++) {
                    out.row(precinctCode(precinct), unitCode(precinct, unit));
                    units++;
                }
            }
        }
        try (RegistryFile.Writer out = RegistryFile.ENTERPRISES.create(dir)) {
            for (int precinct = 0; precinct < precincts; precinct++) {
                for (int unit = 0; unit < unitCount(precinct); unit++) {
                    for (int enterprise = 0; enterprise < enterpriseCount(precinct, unit); enterprise++) {
                        out.row(creditCode(precinct, unit, enterprise), "基准" + (precinct + 1) + "-" + (unit + 1) + "-"
                                        + (enterprise + 1) + "有限公司", unitCode(precinct, unit),
                                String.valueOf(keyEnterprise(precinct, unit, enterprise)));
                        enterprises++;
                    }
                }
            }
        }
        try (RegistryFile.Writer out = RegistryFile.VENUES.create(dir)) {
            String[] types = {"rental_housing", "hotel", "internet_cafe", "entertainment", "other"};
            for (int precinct = 0; precinct < precincts; precinct++) {
                for (int unit = 0; unit < unitCount(precinct); unit++) {
                    for (int venue = 0; venue < venueCount(precinct, unit); venue++) {
                        out.row(venueId(precinct, unit, venue), "基准场所" + venueId(precinct, unit, venue),
                                types[(unit + venue) % types.length], unitCode(precinct, unit));
                        venues++;
                    }
                }
            }
        }
        return new Counts(regions, precincts, active, units, enterprises, venues);
    }
}
