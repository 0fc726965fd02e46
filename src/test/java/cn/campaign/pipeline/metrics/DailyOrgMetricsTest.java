package cn.campaign.pipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.Inbox;
import cn.campaign.pipeline.Warehouse;
import cn.campaign.pipeline.WarehouseTest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract section 5, column by column at every level, on a scenario small enough to count
 * by hand ({@link ThreeDaysOfSubmissions}).
 */
class DailyOrgMetricsTest extends WarehouseTest {

    static final String P1 = "150802000001";
    static final String P2 = "150821000001";
    static final String PX = "150821000002";
    static final String DISPUTES = ThreeDaysOfSubmissions.DISPUTES;


    void givenThreeDaysOfSubmissions() {
        ThreeDaysOfSubmissions.writeTo(inbox);
    }

    @Test
    void everyColumnAtEveryLevelMatchesTheHandCount() {
        givenThreeDaysOfSubmissions();
        nightly();

        // P1 on 2026-02-02: its own visits and cases; U3 counts for P2's coverage, not P1's
        assertThat(row("2026-02-02", "precinct", P1)).containsAllEntriesOf(expected(
                "visits_day", 0, "visits_ctd", 3, "persons_reached_day", 0, "persons_reached_ctd", 9,
                "units_total", 2, "units_visited_ctd", 1, "unit_coverage", 0.5,
                "key_enterprises_total", 1, "key_enterprises_visited_ctd", 1, "enterprise_coverage", 1.0,
                "disputes_found_ctd", 2, "disputes_resolved_ctd", 2, "disputes_referred_ctd", 0,
                "dispute_resolution_rate", 1.0, "disputes_escalated_ctd", 1,
                "hazards_found_ctd", 0, "hazards_rectified_ctd", 0, "hazard_rectification_rate", null,
                "inspections_ctd", 0, "violations_found_ctd", 0, "violations_handled_ctd", 0,
                "precincts_expected", 1, "precincts_reported_day", 1, "reporting_coverage", 1.0));
        assertThat(row("2026-02-02", "precinct", P2)).containsAllEntriesOf(expected(
                "visits_day", 1, "visits_ctd", 1, "persons_reached_day", 10, "persons_reached_ctd", 10,
                "units_total", 1, "units_visited_ctd", 1, "unit_coverage", 1.0,
                "key_enterprises_total", 1, "key_enterprises_visited_ctd", 0, "enterprise_coverage", 0.0,
                "disputes_found_ctd", 1, "disputes_resolved_ctd", 0, "dispute_resolution_rate", 0.0,
                "hazards_found_ctd", 1, "hazards_rectified_ctd", 1, "hazard_rectification_rate", 1.0,
                "inspections_ctd", 1, "violations_found_ctd", 2, "violations_handled_ctd", 1,
                "precincts_expected", 1, "precincts_reported_day", 1, "reporting_coverage", 1.0));
        // the inactive precinct: its unit counts toward coverage, it is expected to report nothing
        assertThat(row("2026-02-02", "precinct", PX)).containsAllEntriesOf(expected(
                "units_total", 1, "units_visited_ctd", 0, "unit_coverage", 0.0,
                "key_enterprises_total", 0, "enterprise_coverage", null,
                "precincts_expected", 0, "precincts_reported_day", 0, "reporting_coverage", null));
        assertThat(row("2026-02-02", "county", "150821")).containsAllEntriesOf(expected(
                "units_total", 2, "units_visited_ctd", 1, "unit_coverage", 0.5,
                "key_enterprises_total", 1, "key_enterprises_visited_ctd", 0,
                "precincts_expected", 1, "precincts_reported_day", 1, "reporting_coverage", 1.0));
        // the city: sums, and rates of sums — 2 resolved of 3 found, not the mean of 1.0 and 0.0
        assertThat(row("2026-02-02", "city", "150800")).containsAllEntriesOf(expected(
                "visits_day", 1, "visits_ctd", 4, "persons_reached_day", 10, "persons_reached_ctd", 19,
                "units_total", 4, "units_visited_ctd", 2, "unit_coverage", 0.5,
                "key_enterprises_total", 2, "key_enterprises_visited_ctd", 1, "enterprise_coverage", 0.5,
                "disputes_found_ctd", 3, "disputes_resolved_ctd", 2, "dispute_resolution_rate", 2.0 / 3,
                "disputes_escalated_ctd", 1, "hazards_found_ctd", 1, "hazards_rectified_ctd", 1,
                "inspections_ctd", 1, "violations_found_ctd", 2, "violations_handled_ctd", 1,
                "precincts_expected", 2, "precincts_reported_day", 2, "reporting_coverage", 1.0));
        assertThat(withoutOrg(row("2026-02-02", "region", "150000"))).isEqualTo(withoutOrg(row("2026-02-02", "city", "150800")));

        // 2026-02-01: C1 still open, C2 resolved; H1 open
        assertThat(row("2026-02-01", "precinct", P1)).containsAllEntriesOf(expected(
                "visits_day", 3, "disputes_found_ctd", 2, "disputes_resolved_ctd", 1, "dispute_resolution_rate", 0.5));
        assertThat(row("2026-02-01", "precinct", P2)).containsAllEntriesOf(expected(
                "hazards_found_ctd", 1, "hazards_rectified_ctd", 0, "hazard_rectification_rate", 0.0,
                "units_visited_ctd", 1));
        // 2026-02-03: a referred case; P2 did not report
        assertThat(row("2026-02-03", "precinct", P1)).containsAllEntriesOf(expected(
                "disputes_found_ctd", 3, "disputes_resolved_ctd", 2, "disputes_referred_ctd", 1,
                "dispute_resolution_rate", 2.0 / 3));
        assertThat(row("2026-02-03", "city", "150800")).containsAllEntriesOf(expected(
                "precincts_expected", 2, "precincts_reported_day", 1, "reporting_coverage", 0.5));
        assertThat(jdbc.queryForList("select precinct_code, county_code, city_code from mart.unreported_precincts "
                + "where metric_date = '2026-02-03'")).containsExactly(
                Map.of("precinct_code", P2, "county_code", "150821", "city_code", "150800"));
        // every day from the campaign start, every org: 20 days × (3 precincts + 2 counties + city + region)
        assertThat(jdbc.queryForObject("select count(*) from mart.daily_org_metrics", Long.class)).isEqualTo(20 * 7);
        assertThat(row("2026-01-15", "region", "150000")).containsAllEntriesOf(expected(
                "visits_ctd", 0, "dispute_resolution_rate", null, "precincts_reported_day", 0, "reporting_coverage", 0.0));
    }

    @Test
    void aLateReportedResolutionChangesAPastDaysRate() {
        givenThreeDaysOfSubmissions();
        nightly();
        assertThat(row("2026-02-02", "precinct", P2)).containsAllEntriesOf(expected("dispute_resolution_rate", 0.0));

        // a later file reports that C9 was in fact resolved on 2026-02-02
        inbox.utf8(P2 + "_20260204_disputes.csv", DISPUTES,
                "C9,2026-02-02,land,150821100201,resolved,2026-02-02,court_station,false,");
        nightly();

        assertThat(row("2026-02-02", "precinct", P2)).containsAllEntriesOf(expected(
                "disputes_found_ctd", 1, "disputes_resolved_ctd", 1, "dispute_resolution_rate", 1.0));
        assertThat(row("2026-02-02", "city", "150800")).containsAllEntriesOf(expected("dispute_resolution_rate", 1.0));
        assertThat(row("2026-02-04", "precinct", P2)).containsAllEntriesOf(expected("precincts_reported_day", 1));
    }

    @Test
    void ingestingDayByDayAllAtOnceAndInShuffledOrderGivesIdenticalMetrics() {
        givenThreeDaysOfSubmissions();
        nightly();
        List<String> allAtOnce = metricsDump();

        for (List<String> order : List.of(List.of("20260201", "20260202", "20260203"),
                List.of("20260203", "20260201", "20260202"))) {
            new Warehouse(jdbc).reset(registry, jobRepositoryTestUtils);
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

    /** One metrics row; rates as doubles so they compare with hand-computed fractions. */
    private Map<String, Object> row(String date, String level, String code) {
        Map<String, Object> row = jdbc.queryForMap("select * from mart.daily_org_metrics "
                + "where metric_date = ?::date and org_level = ? and org_code = ?", date, level, code);
        Map<String, Object> converted = new LinkedHashMap<>();
        row.forEach((column, value) -> converted.put(column,
                value instanceof java.math.BigDecimal decimal ? Double.valueOf(decimal.doubleValue())
                        : value instanceof Number number ? Long.valueOf(number.longValue()) : value));
        return converted;
    }

    private static Map<String, Object> withoutOrg(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.keySet().removeAll(List.of("org_level", "org_code", "org_name"));
        return copy;
    }

    private static Map<String, Object> expected(Object... columnsAndValues) {
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            Object value = columnsAndValues[i + 1];
            expected.put((String) columnsAndValues[i], value instanceof Integer n ? Long.valueOf(n) : value);
        }
        return expected;
    }
}
