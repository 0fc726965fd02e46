package cn.campaign.pipeline.report;

import static cn.campaign.pipeline.metrics.ThreeDaysOfSubmissions.P1;
import static cn.campaign.pipeline.metrics.ThreeDaysOfSubmissions.P2;
import static cn.campaign.pipeline.metrics.ThreeDaysOfSubmissions.VISITS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.Inbox;
import cn.campaign.pipeline.operation.PipelinePaths;
import cn.campaign.pipeline.PipelineTest;
import cn.campaign.pipeline.Warehouse;
import cn.campaign.pipeline.nightly.NightlyCommand;
import cn.campaign.pipeline.metrics.ThreeDaysOfSubmissions;
import cn.campaign.pipeline.registry.RegistryCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 7: the per-run HTML report shows exactly what the mart holds. */
@PipelineTest
class HtmlReportTest {

    static final String[] RATES = {"dispute_resolution_rate", "hazard_rectification_rate", "unit_coverage",
            "enterprise_coverage", "reporting_coverage"};

    @Autowired
    NightlyCommand ingest;
    @Autowired
    RegistryCommand registry;
    @Autowired
    JobRepositoryTestUtils jobRepositoryTestUtils;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PipelinePaths paths;
    @TempDir
    Path tempDir;

    @BeforeEach
    void cleanWarehouse() {
        new Warehouse(jdbc).reset(registry, jobRepositoryTestUtils);
    }

    /** Three hand-counted days, and a P1 file of the last day whose only row names an unknown unit (R06). */
    long givenANightOfThreeDaysWithOneRejectedRow(ByteArrayOutputStream console) {
        Inbox inbox = new Inbox(tempDir.resolve("inbox"));
        ThreeDaysOfSubmissions.writeTo(inbox);
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS, "V9,2026-02-03,100001,household,150802009999,1,0,");
        return ingest.nightly(inbox.dir(), new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void theReportOfARunShowsTheMartsFiguresOfTheLatestDayAndTheChangeSinceTheDayBefore() throws Exception {
        // given / when
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        long runId = givenANightOfThreeDaysWithOneRejectedRow(console);

        // then the report is named after the latest metric date, and the console says where it is
        Path report = paths.reportsDir().resolve("2026-02-03.html");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("  report: " + report + System.lineSeparator());
        Document page = Jsoup.parse(report.toFile(), "UTF-8");

        // the region by hand: C3 found (referred) on 02-03, so 2 of 4 disputes resolved after 2 of 3; P2 did not report
        Element region = page.selectFirst("#headline tr.region");
        assertThat(region.attr("data-code")).isEqualTo("150000");
        assertThat(region.select("td .value").eachText()).containsExactly("50.0%", "100.0%", "50.0%", "50.0%", "50.0%");
        assertThat(region.select("td .counts").eachText()).containsExactly("2/4", "1/1", "2/4", "1/2", "1/2");
        assertThat(region.select("td .change").eachText()).containsExactly("-16.7 pp", "±0.0 pp", "±0.0 pp", "±0.0 pp", "-50.0 pp");
        assertThat(region.select("td .change").eachAttr("class"))
                .containsExactly("change down", "change same", "change same", "change same", "change down");

        // every region, city and county row shows the mart's rates of that day
        List<Element> orgRows = page.select("#headline tbody tr, #counties tbody tr");
        assertThat(orgRows).hasSize(4);
        for (Element row : orgRows) {
            Map<String, Object> mart = jdbc.queryForMap(
                    "select * from mart.daily_org_metrics where metric_date = '2026-02-03' and org_code = ?", row.attr("data-code"));
            assertThat(row.selectFirst("td").text()).isEqualTo(mart.get("org_name"));
            List<String> expected = new ArrayList<>();
            for (String rate : RATES) {
                expected.add(percent((BigDecimal) mart.get(rate)));
            }
            assertThat(row.select("td .value").eachText()).as(row.attr("data-code")).isEqualTo(expected);
        }
        // the county table sorts by the exact rates; a missing rate has no sort key
        for (Element row : page.select("#counties tbody tr")) {
            Map<String, Object> mart = jdbc.queryForMap(
                    "select * from mart.daily_org_metrics where metric_date = '2026-02-03' and org_code = ?", row.attr("data-code"));
            List<String> expected = new ArrayList<>();
            for (String rate : RATES) {
                expected.add(mart.get(rate) == null ? "" : ((BigDecimal) mart.get(rate)).toPlainString());
            }
            assertThat(row.select("td").stream().skip(2).map(td -> td.attr("data-sort")).toList()).isEqualTo(expected);
        }

        // the charts' data: every city, every day up to the latest, as in the mart
        JsonNode data = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                .readTree(page.selectFirst("script#chart-data").data());
        List<Map<String, Object>> mart = jdbc.queryForList("select to_char(metric_date, 'YYYY-MM-DD') as day, "
                + "dispute_resolution_rate, unit_coverage from mart.daily_org_metrics where org_level = 'city' order by metric_date");
        JsonNode city = data.get("cities").get(0);
        assertThat(data.get("cities")).hasSize(1);
        assertThat(city.get("name").asString()).isEqualTo("巴彦淖尔市");
        for (String rate : List.of("dispute_resolution_rate", "unit_coverage")) {
            JsonNode points = city.get("rates").get(rate);
            assertThat(points).hasSize(20);
            for (int i = 0; i < mart.size(); i++) {
                assertThat(points.get(i).get(0).asString()).isEqualTo(mart.get(i).get("day"));
                BigDecimal expected = (BigDecimal) mart.get(i).get(rate);
                if (expected == null) {
                    assertThat(points.get(i).get(1).isNull()).as(rate + " " + mart.get(i).get("day")).isTrue();
                } else {
                    assertThat(points.get(i).get(1).decimalValue()).as(rate + " " + mart.get(i).get("day"))
                            .isEqualByComparingTo(expected);
                }
            }
        }

        // who did not report, what P1 must fix with a link to its feedback file, and the run's files
        assertThat(page.select("#unreported tbody tr td.code").eachText()).containsExactly(P2);
        Element problem = page.selectFirst("#problems tbody tr");
        assertThat(problem.select("abbr").eachText()).containsExactly("R06");
        assertThat(problem.selectFirst("abbr").attr("title")).contains("code not in the registry");
        String link = problem.selectFirst("a").attr("href");
        assertThat(link).isEqualTo("../feedback/" + runId + "/" + P1 + ".csv");
        assertThat(report.getParent().resolve(link)).isRegularFile();
        assertThat(page.select("#ledger tbody tr").eachText()).containsExactly("已入库 loaded 11 14 13 0 1");
    }

    @Test
    void eachStageOfTheRunPrintsOneLineWhenTheOutputIsNoTerminal() {
        // given / when a night runs with its output not on a terminal (as under Maven)
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        givenANightOfThreeDaysWithOneRejectedRow(console);

        // then one line per stage, in order, and no progress ticker
        List<String> stages = console.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("[")).toList();
        assertThat(stages).extracting(line -> line.substring(0, line.indexOf(']') + 1))
                .containsExactly("[discover]", "[read files]", "[merge]", "[metrics]", "[feedback]", "[report]");
        assertThat(stages.get(0)).startsWith("[discover] 11 new file(s), ");
        assertThat(stages.get(1)).startsWith("[read files] 11 file(s), 14 row(s), ");
    }

    @Test
    void noReportIsWrittenBeforeAnyDayHasMetrics() {
        // given an empty inbox, when the night runs
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ingest.nightly(new Inbox(tempDir.resolve("empty")).dir(), new PrintStream(console, true, StandardCharsets.UTF_8));

        // then the report stage ran, wrote nothing, and the console names no report
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("[report] ").doesNotContain("  report: ");
    }

    /** Independent of the report's own formatting: one decimal, half up. */
    static String percent(BigDecimal rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate.movePointRight(2)
                .setScale(1, java.math.RoundingMode.HALF_UP));
    }
}
