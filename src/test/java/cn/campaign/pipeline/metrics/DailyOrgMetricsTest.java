package cn.campaign.pipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.Inbox;
import cn.campaign.pipeline.Warehouse;
import cn.campaign.pipeline.WarehouseTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract section 5, every column of {@code mart.daily_org_metrics} at every level, whole rows,
 * on a scenario small enough to count by hand: {@link ThreeDaysOfSubmissions} in city 150800
 * and three days of precinct Q1 in a second city, 150200, so the region rolls up two cities.
 *
 * <p>The registry (src/test/resources/registry/two-cities): region 150000 内蒙古自治区 with
 * <ul>
 * <li>city 150800 巴彦淖尔市, as the fixture registry: county 150802 临河区 (precinct P1, units U1
 *     150802001001 and U2 150802001002, key enterprise E1 at U1) and county 150821 五原县 (active
 *     P2 with unit U3 150821100201 and key enterprise E2; inactive PX with unit U4 150821100202);</li>
 * <li>city 150200 包头市: county 150203 昆都仑区, precinct Q1 150203000001 with units Z1
 *     150203001001 and Z2 150203001002, key enterprise E3 at Z1, enterprise E4 (not key) at Z2,
 *     venue V150203001001 at Z1.</li>
 * </ul>
 */
class DailyOrgMetricsTest extends WarehouseTest {

    static final Path TWO_CITIES = Path.of("src/test/resources/registry/two-cities");
    static final String P1 = "150802000001";
    static final String P2 = "150821000001";
    static final String PX = "150821000002";
    static final String Q1 = "150203000001";
    static final String VISITS = ThreeDaysOfSubmissions.VISITS;
    static final String DISPUTES = ThreeDaysOfSubmissions.DISPUTES;
    static final String HAZARDS = ThreeDaysOfSubmissions.HAZARDS;
    static final String INSPECTIONS = ThreeDaysOfSubmissions.INSPECTIONS;

    static final String PRECINCT = "precinct";
    static final String COUNTY = "county";
    static final String CITY = "city";
    static final String REGION = "region";
    static final String[] NAME_P1 = {P1, "临河区公安分局车站派出所"};
    static final String[] NAME_P2 = {P2, "五原县公安局隆兴昌派出所"};
    static final String[] NAME_PX = {PX, "五原县公安局胜丰派出所"};
    static final String[] NAME_Q1 = {Q1, "包头市公安局昆都仑区分局沼潭派出所"};
    static final String[] LINHE = {"150802", "临河区"};
    static final String[] WUYUAN = {"150821", "五原县"};
    static final String[] KUNDULUN = {"150203", "昆都仑区"};
    static final String[] BAYANNUR = {"150800", "巴彦淖尔市"};
    static final String[] BAOTOU = {"150200", "包头市"};
    static final String[] INNER_MONGOLIA = {"150000", "内蒙古自治区"};

    @BeforeEach
    void theTwoCityRegistry() {
        registry.load(TWO_CITIES, quiet());
        assertThat(jdbc.queryForObject("select count(*) from registry.precinct", Long.class)).isEqualTo(4);
    }

    /** {@link ThreeDaysOfSubmissions} in city 150800, and Q1's three days in city 150200. */
    void givenThreeDaysOfSubmissionsInTwoCities() {
        ThreeDaysOfSubmissions.writeTo(inbox);
        inbox.utf8(Q1 + "_20260201_visits.csv", VISITS,
                "W1,2026-02-01,300001,household,150203001001,5,0,",
                "W2,2026-02-01,300001,enterprise,92150203MA0U13570B,1,0,");        // E4 is not a key enterprise
        inbox.utf8(Q1 + "_20260202_disputes.csv", DISPUTES,
                "D1,2026-02-02,family,150203001001,resolved,2026-02-02,police,false,",
                "D2,2026-02-02,neighbour,150203001002,open,2026-02-02,,true,");
        inbox.utf8(Q1 + "_20260202_hazards.csv", HAZARDS,
                "H7,2026-02-01,traffic,150203001002,open,2026-02-01");              // found the day before its file
        inbox.utf8(Q1 + "_20260203_inspections.csv", INSPECTIONS,
                "J1,2026-02-03,V150203001001,3,3");
        inbox.utf8(Q1 + "_20260203_visits.csv", VISITS,
                "W3,2026-02-03,300001,community,150203001002,2,0,",
                "W4,2026-02-03,300001,household,150802001002,1,0,",                 // U2, in P1's jurisdiction (city 150800)
                "W5,2026-02-03,300001,enterprise,91150203MA0T24680H,4,0,");         // E3, key
    }

    @Test
    void everyColumnAtEveryLevelMatchesTheHandCount() {
        givenThreeDaysOfSubmissionsInTwoCities();
        nightly();

        // Hand counts. Visits: P1 V1 (U1, 3 persons), V2 (E1, 2), V3 (U3, 4) on 02-01; P2 V1 (U3, 10) on 02-02;
        // Q1 W1 (Z1, 5), W2 (E4, 1) on 02-01, W3 (Z2, 2), W4 (U2, 1), W5 (E3, 4) on 02-03.
        // Units visited: U1, U3, Z1 from 02-01; U2, Z2 from 02-03. Key enterprises visited: E1 from 02-01, E3 from 02-03.
        // Cases: P1 C1 (open 02-01, resolved 02-02), C2 (resolved 02-01, escalated), C3 (referred 02-03);
        // P2 C9 (open 02-02); Q1 D1 (resolved 02-02), D2 (open 02-02, escalated).
        // Hazards: P2 H1 (found 02-01, rectified 02-02); Q1 H7 (found 02-01, open).
        // Inspections: P2 I1 (02-02, 2 found, 1 handled); Q1 J1 (02-03, 3, 3).
        // Reports: 02-01 P1, P2, Q1; 02-02 P1, P2, Q1; 02-03 P1, Q1 (P2 missing). PX is inactive.

        // the first day of the campaign: nothing yet, but every unit, key enterprise and active precinct counts
        assertDay("2026-01-15",
                org(PRECINCT, NAME_P1, visits(0, 0, 0, 0), units(2, 0), keyEnterprises(1, 0), disputes(0, 0, 0, 0), hazards(0, 0), inspections(0, 0, 0), reporting(1, 0)),
                org(PRECINCT, NAME_P2, visits(0, 0, 0, 0), units(1, 0), keyEnterprises(1, 0), disputes(0, 0, 0, 0), hazards(0, 0), inspections(0, 0, 0), reporting(1, 0)),
                org(PRECINCT, NAME_PX, visits(0, 0, 0, 0), units(1, 0), keyEnterprises(0, 0), disputes(0, 0, 0, 0), hazards(0, 0), inspections(0, 0, 0), reporting(0, 0)),
                org(PRECINCT, NAME_Q1, visits(0, 0, 0, 0), units(2, 0), keyEnterprises(1, 0), disputes(0, 0, 0, 0), hazards(0, 0), inspections(0, 0, 0), reporting(1, 0)),
                org(COUNTY, LINHE, visits(0, 0, 0, 0), units(2, 0), keyEnterprises(1, 0), disputes(0, 0, 0, 0), hazards(0, 0), inspections(0, 0, 0), reporting(1, 0)),
                org(COUNTY, WUYUAN, visits(0, 0, 0, 0), units(2, 0), keyEnterprises(1, 0), disputes(0, 0, 0, 0), hazards(0, 0), inspections(0, 0, 0), reporting(1, 0)),
                org(COUNTY, KUNDULUN, visits(0, 0, 0, 0), units(2, 0), keyEnterprises(1, 0), disputes(0, 0, 0, 0), hazards(0, 0), inspections(0, 0, 0), reporting(1, 0)),
                org(CITY, BAYANNUR, visits(0, 0, 0, 0), units(4, 0), keyEnterprises(2, 0), disputes(0, 0, 0, 0), hazards(0, 0), inspections(0, 0, 0), reporting(2, 0)),
                org(CITY, BAOTOU, visits(0, 0, 0, 0), units(2, 0), keyEnterprises(1, 0), disputes(0, 0, 0, 0), hazards(0, 0), inspections(0, 0, 0), reporting(1, 0)),
                org(REGION, INNER_MONGOLIA, visits(0, 0, 0, 0), units(6, 0), keyEnterprises(3, 0), disputes(0, 0, 0, 0), hazards(0, 0), inspections(0, 0, 0), reporting(3, 0)));

        // 02-01: C1 still open, C2 resolved; H1 and H7 open (H7 from a file of 02-02); U3 counts for P2, visited by P1
        assertDay("2026-02-01",
                org(PRECINCT, NAME_P1, visits(3, 3, 9, 9), units(2, 1), keyEnterprises(1, 1), disputes(2, 1, 0, 1), hazards(0, 0), inspections(0, 0, 0), reporting(1, 1)),
                org(PRECINCT, NAME_P2, visits(0, 0, 0, 0), units(1, 1), keyEnterprises(1, 0), disputes(0, 0, 0, 0), hazards(1, 0), inspections(0, 0, 0), reporting(1, 1)),
                org(PRECINCT, NAME_PX, visits(0, 0, 0, 0), units(1, 0), keyEnterprises(0, 0), disputes(0, 0, 0, 0), hazards(0, 0), inspections(0, 0, 0), reporting(0, 0)),
                org(PRECINCT, NAME_Q1, visits(2, 2, 6, 6), units(2, 1), keyEnterprises(1, 0), disputes(0, 0, 0, 0), hazards(1, 0), inspections(0, 0, 0), reporting(1, 1)),
                org(COUNTY, LINHE, visits(3, 3, 9, 9), units(2, 1), keyEnterprises(1, 1), disputes(2, 1, 0, 1), hazards(0, 0), inspections(0, 0, 0), reporting(1, 1)),
                org(COUNTY, WUYUAN, visits(0, 0, 0, 0), units(2, 1), keyEnterprises(1, 0), disputes(0, 0, 0, 0), hazards(1, 0), inspections(0, 0, 0), reporting(1, 1)),
                org(COUNTY, KUNDULUN, visits(2, 2, 6, 6), units(2, 1), keyEnterprises(1, 0), disputes(0, 0, 0, 0), hazards(1, 0), inspections(0, 0, 0), reporting(1, 1)),
                org(CITY, BAYANNUR, visits(3, 3, 9, 9), units(4, 2), keyEnterprises(2, 1), disputes(2, 1, 0, 1), hazards(1, 0), inspections(0, 0, 0), reporting(2, 2)),
                org(CITY, BAOTOU, visits(2, 2, 6, 6), units(2, 1), keyEnterprises(1, 0), disputes(0, 0, 0, 0), hazards(1, 0), inspections(0, 0, 0), reporting(1, 1)),
                org(REGION, INNER_MONGOLIA, visits(5, 5, 15, 15), units(6, 3), keyEnterprises(3, 1), disputes(2, 1, 0, 1), hazards(2, 0), inspections(0, 0, 0), reporting(3, 3)));

        // 02-02: C1 resolved (two snapshots that day, the later line wins); rates of sums at every level:
        // city 150800 resolves 2 of 3 (not the mean of 1.0 and 0.0), the region 3 of 5
        assertDay("2026-02-02",
                org(PRECINCT, NAME_P1, visits(0, 3, 0, 9), units(2, 1), keyEnterprises(1, 1), disputes(2, 2, 0, 1), hazards(0, 0), inspections(0, 0, 0), reporting(1, 1)),
                org(PRECINCT, NAME_P2, visits(1, 1, 10, 10), units(1, 1), keyEnterprises(1, 0), disputes(1, 0, 0, 0), hazards(1, 1), inspections(1, 2, 1), reporting(1, 1)),
                org(PRECINCT, NAME_PX, visits(0, 0, 0, 0), units(1, 0), keyEnterprises(0, 0), disputes(0, 0, 0, 0), hazards(0, 0), inspections(0, 0, 0), reporting(0, 0)),
                org(PRECINCT, NAME_Q1, visits(0, 2, 0, 6), units(2, 1), keyEnterprises(1, 0), disputes(2, 1, 0, 1), hazards(1, 0), inspections(0, 0, 0), reporting(1, 1)),
                org(COUNTY, LINHE, visits(0, 3, 0, 9), units(2, 1), keyEnterprises(1, 1), disputes(2, 2, 0, 1), hazards(0, 0), inspections(0, 0, 0), reporting(1, 1)),
                org(COUNTY, WUYUAN, visits(1, 1, 10, 10), units(2, 1), keyEnterprises(1, 0), disputes(1, 0, 0, 0), hazards(1, 1), inspections(1, 2, 1), reporting(1, 1)),
                org(COUNTY, KUNDULUN, visits(0, 2, 0, 6), units(2, 1), keyEnterprises(1, 0), disputes(2, 1, 0, 1), hazards(1, 0), inspections(0, 0, 0), reporting(1, 1)),
                org(CITY, BAYANNUR, visits(1, 4, 10, 19), units(4, 2), keyEnterprises(2, 1), disputes(3, 2, 0, 1), hazards(1, 1), inspections(1, 2, 1), reporting(2, 2)),
                org(CITY, BAOTOU, visits(0, 2, 0, 6), units(2, 1), keyEnterprises(1, 0), disputes(2, 1, 0, 1), hazards(1, 0), inspections(0, 0, 0), reporting(1, 1)),
                org(REGION, INNER_MONGOLIA, visits(1, 6, 10, 25), units(6, 3), keyEnterprises(3, 1), disputes(5, 3, 0, 2), hazards(2, 1), inspections(1, 2, 1), reporting(3, 3)));

        // 02-03: C3 referred; Q1 visits U2 in the other city, which counts for P1's coverage; P2 did not report
        assertDay("2026-02-03",
                org(PRECINCT, NAME_P1, visits(0, 3, 0, 9), units(2, 2), keyEnterprises(1, 1), disputes(3, 2, 1, 1), hazards(0, 0), inspections(0, 0, 0), reporting(1, 1)),
                org(PRECINCT, NAME_P2, visits(0, 1, 0, 10), units(1, 1), keyEnterprises(1, 0), disputes(1, 0, 0, 0), hazards(1, 1), inspections(1, 2, 1), reporting(1, 0)),
                org(PRECINCT, NAME_PX, visits(0, 0, 0, 0), units(1, 0), keyEnterprises(0, 0), disputes(0, 0, 0, 0), hazards(0, 0), inspections(0, 0, 0), reporting(0, 0)),
                org(PRECINCT, NAME_Q1, visits(3, 5, 7, 13), units(2, 2), keyEnterprises(1, 1), disputes(2, 1, 0, 1), hazards(1, 0), inspections(1, 3, 3), reporting(1, 1)),
                org(COUNTY, LINHE, visits(0, 3, 0, 9), units(2, 2), keyEnterprises(1, 1), disputes(3, 2, 1, 1), hazards(0, 0), inspections(0, 0, 0), reporting(1, 1)),
                org(COUNTY, WUYUAN, visits(0, 1, 0, 10), units(2, 1), keyEnterprises(1, 0), disputes(1, 0, 0, 0), hazards(1, 1), inspections(1, 2, 1), reporting(1, 0)),
                org(COUNTY, KUNDULUN, visits(3, 5, 7, 13), units(2, 2), keyEnterprises(1, 1), disputes(2, 1, 0, 1), hazards(1, 0), inspections(1, 3, 3), reporting(1, 1)),
                org(CITY, BAYANNUR, visits(0, 4, 0, 19), units(4, 3), keyEnterprises(2, 1), disputes(4, 2, 1, 1), hazards(1, 1), inspections(1, 2, 1), reporting(2, 1)),
                org(CITY, BAOTOU, visits(3, 5, 7, 13), units(2, 2), keyEnterprises(1, 1), disputes(2, 1, 0, 1), hazards(1, 0), inspections(1, 3, 3), reporting(1, 1)),
                org(REGION, INNER_MONGOLIA, visits(3, 9, 7, 32), units(6, 5), keyEnterprises(3, 2), disputes(6, 3, 1, 2), hazards(2, 1), inspections(2, 5, 4), reporting(3, 2)));

        assertThat(jdbc.queryForList("select precinct_code, county_code, city_code from mart.unreported_precincts "
                + "where metric_date = '2026-02-03'")).containsExactly(
                Map.of("precinct_code", P2, "county_code", "150821", "city_code", "150800"));
        // every day from the campaign start, every org: 20 days × (4 precincts + 3 counties + 2 cities + the region)
        assertThat(jdbc.queryForObject("select count(*) from mart.daily_org_metrics", Long.class)).isEqualTo(20 * 10);
    }

    @Test
    void aLateReportedResolutionChangesAPastDaysRate() {
        givenThreeDaysOfSubmissionsInTwoCities();
        nightly();
        assertThat(row("2026-02-02", PRECINCT, P2)).isEqualTo(org(PRECINCT, NAME_P2, visits(1, 1, 10, 10), units(1, 1),
                keyEnterprises(1, 0), disputes(1, 0, 0, 0), hazards(1, 1), inspections(1, 2, 1), reporting(1, 1))
                .on("2026-02-02"));

        // a later file reports that C9 was in fact resolved on 2026-02-02
        inbox.utf8(P2 + "_20260204_disputes.csv", DISPUTES,
                "C9,2026-02-02,land,150821100201,resolved,2026-02-02,court_station,false,");
        nightly();

        // then 02-02 has C9 resolved at every level above P2, and P2 reported on 02-04
        assertThat(row("2026-02-02", PRECINCT, P2)).isEqualTo(org(PRECINCT, NAME_P2, visits(1, 1, 10, 10), units(1, 1),
                keyEnterprises(1, 0), disputes(1, 1, 0, 0), hazards(1, 1), inspections(1, 2, 1), reporting(1, 1))
                .on("2026-02-02"));
        assertThat(row("2026-02-02", CITY, "150800")).isEqualTo(org(CITY, BAYANNUR, visits(1, 4, 10, 19), units(4, 2),
                keyEnterprises(2, 1), disputes(3, 3, 0, 1), hazards(1, 1), inspections(1, 2, 1), reporting(2, 2))
                .on("2026-02-02"));
        assertThat(row("2026-02-02", REGION, "150000")).isEqualTo(org(REGION, INNER_MONGOLIA, visits(1, 6, 10, 25), units(6, 3),
                keyEnterprises(3, 1), disputes(5, 4, 0, 2), hazards(2, 1), inspections(1, 2, 1), reporting(3, 3))
                .on("2026-02-02"));
        assertThat(row("2026-02-04", PRECINCT, P2)).isEqualTo(org(PRECINCT, NAME_P2, visits(0, 1, 0, 10), units(1, 1),
                keyEnterprises(1, 0), disputes(1, 1, 0, 0), hazards(1, 1), inspections(1, 2, 1), reporting(1, 1))
                .on("2026-02-04"));
    }

    @Test
    void ingestingDayByDayAllAtOnceAndInShuffledOrderGivesIdenticalMetrics() {
        givenThreeDaysOfSubmissionsInTwoCities();
        nightly();
        List<String> allAtOnce = metricsDump();

        for (List<String> order : List.of(List.of("20260201", "20260202", "20260203"),
                List.of("20260203", "20260201", "20260202"))) {
            new Warehouse(jdbc).reset(registry, jobRepositoryTestUtils);
            registry.load(TWO_CITIES, quiet());
            Path full = inbox.dir();
            inbox = new Inbox(tempDir.resolve("inbox-" + String.join("-", order)));
            for (String day : order) {
                try (var files = java.nio.file.Files.list(full)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().contains("_" + day + "_")).toList()) {
                        inbox.bytes(file.getFileName().toString(), java.nio.file.Files.readAllBytes(file));
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                nightly();
            }
            assertThat(metricsDump()).as("order %s", order).isEqualTo(allAtOnce);
            inbox = new Inbox(full);
        }
    }

    private List<String> metricsDump() {
        return jdbc.queryForList("select m::text from mart.daily_org_metrics m order by metric_date, org_level, org_code",
                String.class);
    }

    /** Every row of the day, whole, against the expected rows (one per organisation, no more, no fewer). */
    private void assertDay(String date, Org... expected) {
        Map<String, Map<String, Object>> actual = new TreeMap<>();
        for (Map<String, Object> row : jdbc.queryForList("select * from mart.daily_org_metrics where metric_date = ?::date",
                date)) {
            Map<String, Object> converted = converted(row);
            actual.put(converted.get("org_level") + " " + converted.get("org_code"), converted);
        }
        Map<String, Map<String, Object>> wanted = new TreeMap<>();
        for (Org org : expected) {
            Map<String, Object> row = org.on(date);
            wanted.put(row.get("org_level") + " " + row.get("org_code"), row);
        }
        assertThat(actual).as(date).isEqualTo(wanted);
    }

    /** One metrics row, whole. */
    private Map<String, Object> row(String date, String level, String code) {
        return converted(jdbc.queryForMap("select * from mart.daily_org_metrics "
                + "where metric_date = ?::date and org_level = ? and org_code = ?", date, level, code));
    }

    /** Dates as text, counts as longs, rates as doubles so they compare with hand-computed fractions. */
    private static Map<String, Object> converted(Map<String, Object> row) {
        Map<String, Object> converted = new LinkedHashMap<>();
        row.forEach((column, value) -> converted.put(column,
                value instanceof BigDecimal decimal ? Double.valueOf(decimal.doubleValue())
                        : value instanceof Number number ? Long.valueOf(number.longValue())
                        : value instanceof java.sql.Date day ? day.toLocalDate().toString() : value));
        return converted;
    }

    /** An expected row without its date: every column of mart.daily_org_metrics, in the table's order. */
    record Org(Map<String, Object> columns) {
        Map<String, Object> on(String date) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric_date", date);
            row.putAll(columns);
            return row;
        }
    }

    @SafeVarargs
    private static Org org(String level, String[] codeAndName, Map<String, Object>... figures) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("org_level", level);
        columns.put("org_code", codeAndName[0]);
        columns.put("org_name", codeAndName[1]);
        for (Map<String, Object> part : figures) {
            columns.putAll(part);
        }
        return new Org(columns);
    }

    private static Map<String, Object> visits(long day, long ctd, long personsDay, long personsCtd) {
        return columns("visits_day", day, "visits_ctd", ctd, "persons_reached_day", personsDay, "persons_reached_ctd", personsCtd);
    }

    private static Map<String, Object> units(long total, long visited) {
        return columns("units_total", total, "units_visited_ctd", visited, "unit_coverage", rate(visited, total));
    }

    private static Map<String, Object> keyEnterprises(long total, long visited) {
        return columns("key_enterprises_total", total, "key_enterprises_visited_ctd", visited,
                "enterprise_coverage", rate(visited, total));
    }

    private static Map<String, Object> disputes(long found, long resolved, long referred, long escalated) {
        return columns("disputes_found_ctd", found, "disputes_resolved_ctd", resolved, "disputes_referred_ctd", referred,
                "dispute_resolution_rate", rate(resolved, found), "disputes_escalated_ctd", escalated);
    }

    private static Map<String, Object> hazards(long found, long rectified) {
        return columns("hazards_found_ctd", found, "hazards_rectified_ctd", rectified,
                "hazard_rectification_rate", rate(rectified, found));
    }

    private static Map<String, Object> inspections(long inspections, long violationsFound, long violationsHandled) {
        return columns("inspections_ctd", inspections, "violations_found_ctd", violationsFound,
                "violations_handled_ctd", violationsHandled);
    }

    private static Map<String, Object> reporting(long expected, long reported) {
        return columns("precincts_expected", expected, "precincts_reported_day", reported,
                "reporting_coverage", rate(reported, expected));
    }

    /** Contract section 5: a ratio of counts, NULL when the denominator is 0. */
    private static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    private static Map<String, Object> columns(Object... namesAndValues) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            columns.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return columns;
    }
}
