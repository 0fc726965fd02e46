package cn.campaign.pipeline.report;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 7: {@code jobs/export} writes metrics that Excel opens safely and readably. */
@PipelineTest
class MetricsExportTest {

    static final LocalDate FEB_2 = LocalDate.of(2026, 2, 2);
    static final LocalDate FEB_3 = LocalDate.of(2026, 2, 3);

    @Autowired
    NightlyCommand ingest;
    @Autowired
    RegistryCommand registry;
    @Autowired
    MetricsExport export;
    @Autowired
    JobRepositoryTestUtils jobRepositoryTestUtils;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PipelinePaths paths;
    @TempDir
    Path tempDir;

    @BeforeEach
    void threeDaysOfMetrics() {
        new Warehouse(jdbc).reset(registry, jobRepositoryTestUtils);
        Inbox inbox = new Inbox(tempDir.resolve("inbox"));
        ThreeDaysOfSubmissions.writeTo(inbox);
        ingest.nightly(inbox.dir(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void theExportIsUtf8WithBomHasBilingualHeadersAndNeutralisesFormulas() throws Exception {
        // given a county whose name Excel would run as a formula
        jdbc.update("update mart.daily_org_metrics set org_name = '=HYPERLINK(\"http://x\")' where org_code = '150821'");

        // when the county metrics of two days are exported to the default file
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path file = export.write(new ExportRequest(FEB_2, FEB_3, "county", null),
                new PrintStream(console, true, StandardCharsets.UTF_8));

        // then the file is named after level and dates, and the console says where it is
        assertThat(file).isEqualTo(paths.exportsDir().resolve("metrics_county_2026-02-02_2026-02-03.csv"));
        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("exported 4 row(s) of county metrics, 2026-02-02..2026-02-03, to " + file + System.lineSeparator());
        // UTF-8 with a BOM, so Excel shows the Chinese
        assertThat(Files.readAllBytes(file)).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8)).getRecords();
        // headers in Chinese and English, one per column of the mart
        assertThat(records.get(0).values()).hasSize(28)
                .startsWith("\uFEFF日期 metric_date", "层级 org_level", "单位代码 org_code", "单位名称 org_name")
                .contains("化解率 dispute_resolution_rate", "上报率 reporting_coverage");
        // one row per county and day, in date order; the formula is shown as text
        assertThat(records.subList(1, records.size())).extracting(r -> r.get(0) + " " + r.get(2) + " " + r.get(3))
                .containsExactly("2026-02-02 150802 临河区", "2026-02-02 150821 '=HYPERLINK(\"http://x\")",
                        "2026-02-03 150802 临河区", "2026-02-03 150821 '=HYPERLINK(\"http://x\")");
        // figures as the mart holds them: P2 of county 150821 did not report on 02-03
        CSVRecord last = records.get(4);
        assertThat(last.get(27)).isEqualTo(jdbc.queryForObject("select reporting_coverage::text from mart.daily_org_metrics "
                + "where metric_date = '2026-02-03' and org_code = '150821'", String.class));
        assertThat(Double.parseDouble(last.get(27))).isZero();
    }

    @Test
    void theExportGoesWhereOutSaysAndIsOnlyAHeaderWhenNoDayMatches() throws Exception {
        // when the region is exported for days without metrics, into a named file in a new folder
        Path out = tempDir.resolve("for-leadership/region.csv");
        export.write(new ExportRequest(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2), "region", out),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        // then the file holds the header alone
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("\uFEFF日期 metric_date,层级 org_level,");
    }
}
