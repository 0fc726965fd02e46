package cn.campaign.pipeline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.bench.PipelineProcess;
import cn.campaign.pipeline.nightly.FaultInjectionListener;
import cn.campaign.pipeline.csv.FileInspection;
import cn.campaign.pipeline.generator.TwoCitiesRegistry;
import cn.campaign.pipeline.generator.TwoCitiesSubmissions;
import cn.campaign.pipeline.warehouse.EmbeddedWarehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5's fault-injection suite on the real pipeline in child JVMs: runs killed with -9 at
 * each of the six steps, two launches at once, the database restarted mid-run. After recovery
 * every core and mart table, the ledger, the rejects, the feedback files and the HTML report
 * equal those of an uninterrupted run, and the inbox is byte for byte unchanged.
 */
@Tag("child-jvm")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KilledRunsTest {

    private final Path root = Path.of("target/faults-" + System.nanoTime()).toAbsolutePath();
    private Path inbox;
    private Path registryLoaded;
    private Map<String, String> inboxBytes;
    private Map<String, List<String>> uninterrupted;
    private Map<String, List<String>> uninterruptedThenNext;

    @BeforeAll
    void anUninterruptedRunOfTwoDays() throws IOException {
        Path registry = root.resolve("registry");
        TwoCitiesRegistry.write(registry, 20260115L);
        inbox = root.resolve("inbox");
        TwoCitiesSubmissions.write(registry, inbox, LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 16), 5L);
        inboxBytes = hashes(inbox);

        registryLoaded = root.resolve("registry-loaded");
        assertThat(ChildPipelines.run(registryLoaded, "reference", registry.toString()).exitCode()).isZero();

        Path clean = copyOf(registryLoaded, "clean");
        PipelineProcess run = ChildPipelines.run(clean, "nightly", "--inbox", inbox.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        uninterrupted = dump(clean);
        assertThat(uninterrupted.get("core.visit")).hasSizeGreaterThan(100);
        assertThat(uninterrupted.get("var/feedback")).as("feedback files").isNotEmpty();
        assertThat(uninterrupted.get("var/reports")).as("reports").hasSize(1);

        // The next nightly that resumes an interrupted run then runs one of its own, with nothing
        // new: its report replaces the resumed run's page of the same latest date. So a killed
        // run and its resumption are compared with an uninterrupted run and the next nightly.
        PipelineProcess next = ChildPipelines.run(clean, "nightly", "--inbox", inbox.toString());
        assertThat(next.exitCode()).as(next.stderr()).isZero();
        uninterruptedThenNext = dump(clean);
        Map<String, List<String>> tablesThenNext = new LinkedHashMap<>(uninterruptedThenNext);
        tablesThenNext.remove("var/reports");
        Map<String, List<String>> tables = new LinkedHashMap<>(uninterrupted);
        tables.remove("var/reports");
        assertThat(tablesThenNext).as("a night with nothing new changes no table and writes no feedback").isEqualTo(tables);
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"discoverInboxStep", "ingestPartitionStep", "mergeStep", "metricsStep", "feedbackStep",
            "reportStep"})
    void aRunKilledAtAnyStageIsResumedByTheNextRunAndEndsAsIfUninterrupted(String stage) throws IOException {
        // given a nightly killed with -9 at that stage
        Path home = copyOf(registryLoaded, "killed-" + stage);
        PipelineProcess killed = ChildPipelines.start(home, "nightly", "--inbox", inbox.toString(),
                "--pipeline.fault-injection.pause-at=" + stage,
                "--pipeline.fault-injection.resume-file=" + home.resolve("never"));
        ChildPipelines.awaitOutput(killed, FaultInjectionListener.PAUSED + stage);
        ChildPipelines.kill(killed);

        // when the next nightly runs
        PipelineProcess next = ChildPipelines.run(home, "nightly", "--inbox", inbox.toString());

        // then it resumed the killed run, and the warehouse and the files written for people are
        // what an uninterrupted run (and the next nightly) gives
        assertThat(next.exitCode()).as(next.stdout() + next.stderr()).isZero();
        assertThat(next.stdout()).contains("resuming interrupted nightlyJob execution");
        assertThat(dump(home)).isEqualTo(uninterruptedThenNext);
        assertThat(hashes(inbox)).isEqualTo(inboxBytes);
    }

    @Test
    void twoLaunchesAtOnceRunExactlyOnce() throws IOException {
        Path home = copyOf(registryLoaded, "twice");
        PipelineProcess first = ChildPipelines.start(home, "nightly", "--inbox", inbox.toString());
        PipelineProcess second = ChildPipelines.start(home, "nightly", "--inbox", inbox.toString());

        List<Integer> exitCodes = List.of(first.exitCode(), second.exitCode());

        assertThat(exitCodes).containsExactlyInAnyOrder(0, 1);
        PipelineProcess refused = exitCodes.get(0) == 1 ? first : second;
        assertThat(refused.stderr()).contains("in use by another pipeline process").doesNotContain("\tat ");
        assertThat(dump(home)).isEqualTo(uninterrupted);
    }

    @Test
    void theDatabaseRestartedMidRunFailsWithOneLineAndTheNextRunCompletes() throws Exception {
        // given a nightly whose embedded PostgreSQL goes down (immediate shutdown) between load and merge
        Path home = copyOf(registryLoaded, "database-restart");
        Path resume = home.resolve("resume");
        PipelineProcess run = ChildPipelines.start(home, "nightly", "--inbox", inbox.toString(),
                "--pipeline.fault-injection.pause-at=mergeStep", "--pipeline.fault-injection.resume-file=" + resume);
        ChildPipelines.awaitOutput(run, FaultInjectionListener.PAUSED + "mergeStep");
        long postmaster = Long.parseLong(Files.readAllLines(home.resolve("pg/postmaster.pid")).get(0).trim());
        new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster)).start().waitFor();
        ProcessHandle.of(postmaster).ifPresent(server -> server.onExit().join());
        Files.createFile(resume);

        // then the run fails with one line and no stack trace
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).startsWith("error: ").doesNotContain("\tat ");

        // and the next run, on a restarted database, completes as if nothing happened
        PipelineProcess next = ChildPipelines.run(home, "nightly", "--inbox", inbox.toString());
        assertThat(next.exitCode()).as(next.stdout() + next.stderr()).isZero();
        assertThat(dump(home)).isEqualTo(uninterruptedThenNext);
    }

    @Test
    void anUnreachableDatabaseFailsWithOneLine() {
        PipelineProcess run = ChildPipelines.run(root.resolve("unreachable"), "nightly", "--inbox", inbox.toString(),
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/campaign",
                "--spring.datasource.username=nobody", "--spring.datasource.password=none",
                "--spring.datasource.hikari.connection-timeout=2000");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).startsWith("error: ").contains("Connection").doesNotContain("\tat ");
    }

    /** What the run left in its embedded warehouse and var folder ({@link RunOutcome}). */
    private static Map<String, List<String>> dump(Path home) {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(home.resolve("pg"))) {
            return RunOutcome.of(warehouse.jdbcUrl(), home.resolve("var"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path copyOf(Path home, String name) throws IOException {
        Path copy = root.resolve(name);
        try (Stream<Path> paths = Files.walk(home.resolve("pg"))) {
            for (Path path : paths.toList()) {
                Path target = copy.resolve("pg").resolve(home.resolve("pg").relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return copy;
    }

    private static Map<String, String> hashes(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Map<String, String> hashes = new TreeMap<>();
            for (Path file : files.toList()) {
                hashes.put(file.getFileName().toString(), FileInspection.sha256Of(file));
            }
            return hashes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
