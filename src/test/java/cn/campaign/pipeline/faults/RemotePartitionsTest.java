package cn.campaign.pipeline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.bench.PipelineProcess;
import cn.campaign.pipeline.generator.TwoCitiesRegistry;
import cn.campaign.pipeline.generator.TwoCitiesSubmissions;
import cn.campaign.pipeline.nightly.FaultInjectionListener;
import cn.campaign.pipeline.warehouse.EmbeddedWarehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 14: a night's read step on workers in other JVMs (Spring Batch remote partitioning over
 * an Artemis broker), started as {@code jobs/broker}, {@code jobs/worker} and {@code jobs/nightly
 * --broker=...} start them, all on one shared PostgreSQL (here one embedded server of this test,
 * a database per scenario). A night split across workers, or failed and restarted after a worker
 * died, ends with the tables and files of the same night in one process.
 */
@Tag("child-jvm")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemotePartitionsTest {

    private static final long SEED = 20260115L;
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 15);
    private static final String TEMPLATE = "registry_loaded";
    private static final String PARTITIONS = "--pipeline.ingest.partitions=6";
    /** The manager looks at its partitions every second rather than every five: short nights. */
    private static final String POLL = "--pipeline.remote.poll-interval=1s";

    private final Path root = Path.of("target/remote-" + System.nanoTime()).toAbsolutePath();
    /** Brokers and workers, stopped at the end; the tests run concurrently. */
    private final List<PipelineProcess> longRunning = new CopyOnWriteArrayList<>();
    private EmbeddedWarehouse sharedServer;
    private List<Path> nights;
    private final List<Map<String, List<String>>> oneProcess = new ArrayList<>();
    /**
     * After the first night in one process and then a nightly with nothing new: what a failed
     * first night resumed by the next nightly leaves (that nightly resumes the night, then runs
     * one of its own, whose report replaces the page of the same date).
     */
    private Map<String, List<String>> firstNightThenNext;

    @BeforeAll
    void theSameNightsInOneProcess() throws IOException {
        sharedServer = EmbeddedWarehouse.start(root.resolve("pg"));
        Path registry = root.resolve("registry");
        TwoCitiesRegistry.write(registry, SEED);
        Path arrivals = root.resolve("arrivals");
        TwoCitiesSubmissions.writeByArrival(registry, arrivals, FIRST_DAY, FIRST_DAY.plusDays(2), SEED);
        // three nights: the first, then two that also bring files of the days before (late, a correction)
        try (Stream<Path> folders = Files.list(arrivals)) {
            nights = folders.sorted().limit(3).toList();
        }
        execute("create database " + TEMPLATE);
        Scenario template = on(TEMPLATE);
        PipelineProcess reference = ChildPipelines.run(template.home(), template.command("reference", registry.toString()));
        assertThat(reference.exitCode()).as(reference.stderr()).isZero();

        Scenario alone = scenario("one_process");
        for (Path night : nights) {
            alone.arrive(night);
            PipelineProcess run = ChildPipelines.run(alone.home(), alone.command("nightly", "--inbox",
                    alone.inbox().toString(), PARTITIONS));
            assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
            oneProcess.add(alone.outcome());
        }
        assertThat(oneProcess.get(0).get("core.visit")).hasSizeGreaterThan(100);

        Scenario thenNext = scenario("one_process_then_next");
        thenNext.arrive(nights.get(0));
        for (int i = 0; i < 2; i++) {
            PipelineProcess run = ChildPipelines.run(thenNext.home(), thenNext.command("nightly", "--inbox",
                    thenNext.inbox().toString(), PARTITIONS));
            assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        }
        firstNightThenNext = thenNext.outcome();
        assertThat(oneProcess.get(nights.size() - 1).get("var/reports")).isNotEmpty();
    }

    @AfterAll
    void stopEverything() throws IOException {
        longRunning.forEach(process -> process.handle().destroyForcibly());
        longRunning.forEach(process -> process.handle().onExit().join());
        sharedServer.close();
    }

    @Test
    void nightsSplitAcrossTwoWorkersEndAsTheNightsInOneProcess() throws IOException {
        // given a broker and two workers on the shared warehouse
        Scenario split = scenario("two_workers");
        String broker = startBroker(split);
        PipelineProcess firstWorker = startWorker(split, broker, "worker-1");
        PipelineProcess secondWorker = startWorker(split, broker, "worker-2");

        for (int i = 0; i < nights.size(); i++) {
            // when the night's files arrive and the night runs with --broker
            split.arrive(nights.get(i));
            PipelineProcess night = ChildPipelines.run(split.home(), split.command("nightly", "--inbox",
                    split.inbox().toString(), "--broker=" + broker, PARTITIONS, POLL));

            // then it ends as the same night in one process: every core and mart table, the
            // ledger, the rejects, the feedback files and the report
            assertThat(night.exitCode()).as(night.stdout() + night.stderr()).isZero();
            assertThat(night.stdout()).contains("[read files] sent to the workers of " + broker);
            RunOutcome.assertSame(split.outcome(), oneProcess.get(i), "after night " + nights.get(i).getFileName());
            assertThat(partitionsRun(night)).as("partitions read by the night's own process").isZero();
        }
        // and both workers read partitions
        assertThat(partitionsRun(firstWorker)).isPositive();
        assertThat(partitionsRun(secondWorker)).isPositive();
    }

    @Test
    void aWorkerKilledMidPartitionFailsTheNightWithinTheTimeoutAndTheRestartFinishesItOnTheOtherWorker()
            throws IOException {
        // given a night whose first worker stops in the middle of a partition, after a chunk
        Scenario scenario = scenario("killed_worker");
        String broker = startBroker(scenario);
        Duration timeout = Duration.ofSeconds(20);
        PipelineProcess doomed = startWorker(scenario, broker, "doomed", "--pipeline.threads=1",
                "--pipeline.ingest.files-per-transaction=5", "--pipeline.fault-injection.pause-at=ingestPartitionStep",
                "--pipeline.fault-injection.resume-file=" + scenario.home().resolve("never"));
        scenario.arrive(nights.get(0));
        PipelineProcess night = ChildPipelines.start(scenario.home(), scenario.command("nightly", "--inbox",
                scenario.inbox().toString(), "--broker=" + broker, PARTITIONS,
                "--pipeline.remote.timeout=" + timeout.toSeconds() + "s", POLL));
        ChildPipelines.awaitOutput(doomed, FaultInjectionListener.PAUSED + "ingestPartitionStep");
        startWorker(scenario, broker, "survivor");

        // when that worker is killed with -9
        ChildPipelines.kill(doomed);
        Instant killed = Instant.now();

        // then the night fails within the timeout, in one line naming the unfinished partition
        assertThat(night.exitCode()).as(night.stdout() + night.stderr()).isEqualTo(1);
        assertThat(Duration.between(killed, Instant.now())).isLessThan(timeout.plusSeconds(15));
        assertThat(night.stdout()).contains("a partition without progress for 20.0 s fails the night");
        String failure = night.stderr().lines().findFirst().orElseThrow();
        assertThat(failure).startsWith("error: the read step's partitions did not all finish (pipeline.remote.timeout 20 s): "
                + "not finished partition").contains("(no progress for 20 s on " + doomed.handle().pid() + "@");
        assertThat(night.stderr()).doesNotContain("\tat ");

        // and the next night restarts it: the unfinished partition runs on the worker that remains
        PipelineProcess restart = ChildPipelines.run(scenario.home(), scenario.command("nightly", "--inbox",
                scenario.inbox().toString(), "--broker=" + broker, PARTITIONS, POLL));
        assertThat(restart.exitCode()).as(restart.stdout() + restart.stderr()).isZero();
        assertThat(restart.stdout()).contains("resuming interrupted nightlyJob execution");
        RunOutcome.assertSame(scenario.outcome(), firstNightThenNext, "after the restart");
    }

    @Test
    void aNightNoWorkerTakesFailsWithOneLineLeavingNothingActiveAndRunsOnceAWorkerComes() throws IOException {
        // given a broker without workers
        Scenario scenario = scenario("no_worker");
        String broker = startBroker(scenario);
        scenario.arrive(nights.get(0));

        // when a night runs
        PipelineProcess night = ChildPipelines.run(scenario.home(), scenario.command("nightly", "--inbox",
                scenario.inbox().toString(), "--broker=" + broker, PARTITIONS, "--pipeline.remote.timeout=5s",
                POLL));

        // then it fails in one line, and nothing it read is active
        assertThat(night.exitCode()).as(night.stdout() + night.stderr()).isEqualTo(1);
        assertThat(night.stderr().lines().findFirst().orElseThrow())
                .startsWith("error: no worker took the partitions of the read step within 5 s (broker " + broker + "): "
                        + "partition0, partition1");
        assertThat(night.stderr()).doesNotContain("\tat ");
        assertThat(count(scenario, "select count(*) from ingest.file where active")).isZero();
        assertThat(count(scenario, "select count(*) from core.visit_row")).isZero();
        assertThat(count(scenario, "select count(*) from mart.daily_org_metrics")).isZero();

        // and once a worker is there, the next night completes it
        startWorker(scenario, broker, "late-worker");
        PipelineProcess next = ChildPipelines.run(scenario.home(), scenario.command("nightly", "--inbox",
                scenario.inbox().toString(), "--broker=" + broker, PARTITIONS, POLL));
        assertThat(next.exitCode()).as(next.stdout() + next.stderr()).isZero();
        RunOutcome.assertSame(scenario.outcome(), firstNightThenNext, "after the next night");
    }

    @Test
    void aBrokerThatCannotBeReachedFailsTheNightAndTheWorkerAtOnceWithOneLine() throws IOException {
        Scenario scenario = scenario("unreachable_broker");
        String nowhere = "tcp://127.0.0.1:" + freePort();

        PipelineProcess night = ChildPipelines.run(scenario.home(), scenario.command("nightly", "--inbox",
                scenario.inbox().toString(), "--broker=" + nowhere));
        PipelineProcess worker = ChildPipelines.run(scenario.home().resolve("worker"), scenario.command("worker",
                "--broker=" + nowhere));

        for (PipelineProcess run : List.of(night, worker)) {
            assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(1);
            assertThat(run.stderr().lines().findFirst().orElseThrow())
                    .startsWith("error: the broker " + nowhere + " cannot be reached: ");
            assertThat(run.stderr()).doesNotContain("\tat ");
            assertThat(run.wall()).isLessThan(Duration.ofSeconds(60));
        }
        assertThat(count(scenario, "select count(*) from ingest.run")).isZero();
    }

    /** A broker in its own JVM, as {@code jobs/broker --port=...} runs it; its URL. */
    private String startBroker(Scenario scenario) throws IOException {
        int port = freePort();
        PipelineProcess broker = ChildPipelines.start(scenario.home().resolve("broker"), "broker", "--port=" + port);
        longRunning.add(broker);
        ChildPipelines.awaitOutput(broker, "broker listening on");
        return "tcp://localhost:" + port;
    }

    /** A worker in its own JVM and var folder, as on its own machine; ready when it returns. */
    private PipelineProcess startWorker(Scenario scenario, String broker, String name, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("worker", "--broker=" + broker));
        arguments.addAll(List.of(settings));
        PipelineProcess worker = ChildPipelines.start(scenario.home().resolve(name),
                scenario.command(arguments.toArray(String[]::new)));
        longRunning.add(worker);
        ChildPipelines.awaitOutput(worker, "worker taking the read partitions");
        return worker;
    }

    /** The partitions a process ran itself, from its log. */
    private static long partitionsRun(PipelineProcess process) throws IOException {
        return Files.readString(process.log()).lines()
                .filter(line -> line.contains("Executing step: [ingestPartitionStep:")).count();
    }

    /** A database of its own on the shared server, with the registry loaded. */
    private Scenario scenario(String database) throws IOException {
        execute("create database " + database + " template " + TEMPLATE);
        return on(database);
    }

    /** Commands on that database of the shared server, in a folder of their own with an inbox. */
    private Scenario on(String database) throws IOException {
        Path home = root.resolve(database);
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        return new Scenario("jdbc:postgresql://localhost:" + sharedServer.port() + "/" + database, home, inbox);
    }

    private record Scenario(String jdbcUrl, Path home, Path inbox) {

        /** The command on this scenario's database, as SPRING_DATASOURCE_URL names it on every machine. */
        String[] command(String... arguments) {
            List<String> command = new ArrayList<>(List.of(arguments));
            command.addAll(List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres"));
            return command.toArray(String[]::new);
        }

        void arrive(Path night) throws IOException {
            try (Stream<Path> files = Files.list(night)) {
                for (Path file : files.toList()) {
                    Files.copy(file, inbox.resolve(file.getFileName()));
                }
            }
        }

        Map<String, List<String>> outcome() {
            return RunOutcome.of(jdbcUrl, home.resolve("var"));
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(sharedServer.jdbcUrl(), "postgres", "postgres")) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Scenario scenario, String sql) {
        try (Connection connection = DriverManager.getConnection(scenario.jdbcUrl(), "postgres", "postgres");
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
