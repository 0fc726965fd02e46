package cn.campaign.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.campaign.pipeline.Inbox;
import cn.campaign.pipeline.PipelinePaths;
import cn.campaign.pipeline.PipelineTest;
import cn.campaign.pipeline.Warehouse;
import cn.campaign.pipeline.ingest.IngestCommands;
import cn.campaign.pipeline.metrics.ThreeDaysOfSubmissions;
import cn.campaign.pipeline.registry.RegistryCommands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report as a person opens it: a real headless Chromium with the network off renders the
 * charts from what the page itself holds, and leaves a screenshot in target/ to look at.
 */
@PipelineTest
class ReportInChromiumTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOT = Path.of("target/report-screenshot.png");

    @Autowired
    IngestCommands ingest;
    @Autowired
    RegistryCommands registry;
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

    @Test
    void theReportRendersItsChartsOfflineInABrowser() throws Exception {
        requireChromium();
        // given the report of three days of submissions, which loads nothing from elsewhere
        Inbox inbox = new Inbox(tempDir.resolve("inbox"));
        ThreeDaysOfSubmissions.writeTo(inbox);
        ingest.nightly(inbox.dir(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Path report = paths.reportsDir().resolve("2026-02-03.html").toAbsolutePath();
        Document page = Jsoup.parse(report.toFile(), "UTF-8");
        assertThat(page.select("script[src], link[href], img[src], iframe")).isEmpty();

        // when Chromium opens it with the network off
        String dom = chromium(report, "--dump-dom");
        chromium(report, "--screenshot=" + SCREENSHOT.toAbsolutePath(), "--window-size=1280,2000");

        // then ECharts drew a canvas in every chart container, and the screenshot is a PNG
        List<Element> charts = Jsoup.parse(dom).select("div.chart");
        assertThat(charts).hasSize(2);
        for (Element chart : charts) {
            assertThat(chart.select("canvas")).as(chart.id()).isNotEmpty();
        }
        assertThat(Files.readAllBytes(SCREENSHOT)).startsWith(0x89, 'P', 'N', 'G');
    }

    /** Skipped where there is no Chromium, except on CI, which installs it (.ci/run): there it fails. */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = CHROMIUM + " is not installed (apt-get install -y chromium fonts-noto-cjk)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** Runs headless Chromium on the file with networking off; returns what it printed. */
    String chromium(Path file, String... task) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(tempDir, "chromium-profile"),
                "--virtual-time-budget=5000"));
        command.addAll(List.of(task));
        command.add(file.toUri().toString());
        Path stdout = tempDir.resolve("chromium.out");
        Path stderr = tempDir.resolve("chromium.err");
        Process chromium = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            fail("chromium did not finish in 120 s: " + Files.readString(stderr));
        }
        assertThat(chromium.exitValue()).as(Files.readString(stderr)).isZero();
        return Files.readString(stdout);
    }
}
