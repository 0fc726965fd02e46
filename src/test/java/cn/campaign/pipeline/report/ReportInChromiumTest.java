package cn.campaign.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.campaign.pipeline.Inbox;
import cn.campaign.pipeline.operation.PipelinePaths;
import cn.campaign.pipeline.PipelineTest;
import cn.campaign.pipeline.Warehouse;
import cn.campaign.pipeline.nightly.NightlyCommand;
import cn.campaign.pipeline.metrics.ThreeDaysOfSubmissions;
import cn.campaign.pipeline.registry.RegistryCommand;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

    static final Path SCREENSHOT = Path.of("target/report-screenshot.png");

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

    @Test
    void theReportRendersItsChartsOfflineInABrowser() throws Exception {
        // a screenshot of an earlier run must not pass for this one's
        Files.deleteIfExists(SCREENSHOT);
        Path chromium = requireChromium();
        // given the report of three days of submissions, which loads nothing from elsewhere
        Inbox inbox = new Inbox(tempDir.resolve("inbox"));
        ThreeDaysOfSubmissions.writeTo(inbox);
        ingest.nightly(inbox.dir(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Path report = paths.reportsDir().resolve("2026-02-03.html").toAbsolutePath();
        Document page = Jsoup.parse(report.toFile(), "UTF-8");
        assertThat(page.select("script[src], link[href], img[src], iframe")).isEmpty();

        // when Chromium opens it with the network off
        String dom = chromium(chromium, report, "--dump-dom");
        chromium(chromium, report, "--screenshot=" + SCREENSHOT.toAbsolutePath(), "--window-size=1280,2000");

        // then ECharts drew a canvas in every chart container, and the screenshot is a PNG
        List<Element> charts = Jsoup.parse(dom).select("div.chart");
        assertThat(charts).hasSize(2);
        for (Element chart : charts) {
            assertThat(chart.select("canvas")).as(chart.id()).isNotEmpty();
        }
        assertThat(SCREENSHOT).as("the screenshot of this run").isRegularFile();
        assertThat(Files.readAllBytes(SCREENSHOT)).startsWith(0x89, 'P', 'N', 'G');
    }

    /**
     * {@code chromium} on the PATH, found as .ci/run finds it ({@code command -v chromium}).
     * Skipped where there is none, except on CI, which installs it (.ci/run): there it fails.
     */
    static Path requireChromium() {
        Optional<Path> chromium = onPath("chromium");
        if (chromium.isEmpty()) {
            String message = "no chromium on the PATH (apt-get install -y chromium fonts-noto-cjk)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return chromium.get();
    }

    /** The first executable file of that name in a folder of the PATH, as the shell's {@code command -v} finds it. */
    static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, command))
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .findFirst();
    }

    /** Runs headless Chromium on the file with networking off; returns what it printed. */
    String chromium(Path chromiumExecutable, Path file, String... task) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromiumExecutable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
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
