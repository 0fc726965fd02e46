package cn.campaign.pipeline.bench;

import ch.qos.logback.classic.Level;
import cn.campaign.pipeline.warehouse.EmbeddedWarehouse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code jobs/bench}: the pipeline at national scale against the physical floor, in one run
 * on one machine (docs/performance.md). It generates a registry and one national day of
 * submissions ({@link NationalRegistry}, {@link NationalDay}), copies that day's rows raw
 * into PostgreSQL ({@link FloorLoad}), then runs {@code jobs/nightly} on the same day in a
 * child JVM twice, each on a warehouse of its own: after one day of history, and after
 * {@code --history-days} days. It prints rows per second, the ratios to the targets, peak
 * heap and where the time went, and keeps the table in {@code <work-dir>/results.md}.
 */
public final class Benchmark {

    static final String USAGE = """
            usage: jobs/bench [--small] [--precincts N] [--history-days N] [--history-share X] [--heap SIZE]
                              [--work-dir DIR] [--campaign-start YYYY-MM-DD] [--timeout MINUTES]
              --small            a few precincts and thousands of rows: checks that the benchmark works (CI)
              --precincts N      precincts of the registry (default 4000: 2,000,000 rows in 16,000 files a day)
              --history-days N   days already ingested before the measured day, in the long-history run (default 60)
              --history-share X  share of the active precincts that report on a history day (default 0.05)
              --heap SIZE        -Xmx of every pipeline run (default 512m)
              --work-dir DIR     where data, warehouses, logs and results.md go (default var/bench; its
                                 registry, measured-day and history-* folders are emptied first)
              --timeout MINUTES  a pipeline run (child JVM) still running after this is killed and the
                                 benchmark fails (default 120; 5 with --small)""";

    /** The measured targets of issue 6. */
    static final double FLOOR_RATIO_TARGET = 3.0;
    static final double HISTORY_RATIO_TARGET = 1.3;
    private static final long SEED = 20260316L;
    /** The catch-up night that ingests the history is not measured, and holds many times a night's files. */
    private static final String CATCH_UP_HEAP = "2g";

    record Settings(boolean small, int precincts, int historyDays, double historyShare, String heap, Path workDir,
                    LocalDate campaignStart, Duration childTimeout) {

        static Settings parse(String... args) {
            boolean small = List.of(args).contains("--small");
            int precincts = small ? 6 : 4000;
            int historyDays = small ? 3 : 60;
            double historyShare = small ? 0.5 : 0.05;
            String heap = "512m";
            Path workDir = Path.of("var/bench");
            LocalDate campaignStart = LocalDate.of(2026, 1, 15);
            long timeoutMinutes = small ? 5 : 120;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--small")) {
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("unexpected argument: " + option);
                }
                String value = args[++i];
                try {
                    switch (option) {
                        case "--precincts" -> precincts = Integer.parseInt(value);
                        case "--history-days" -> historyDays = Integer.parseInt(value);
                        case "--history-share" -> historyShare = Double.parseDouble(value);
                        case "--heap" -> heap = value;
                        case "--work-dir" -> workDir = Path.of(value);
                        case "--campaign-start" -> campaignStart = LocalDate.parse(value);
                        case "--timeout" -> timeoutMinutes = Long.parseLong(value);
                        default -> throw new IllegalArgumentException("unexpected argument: " + option);
                    }
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new IllegalArgumentException(option + ": not a valid value: " + value);
                }
            }
            if (precincts < 1 || historyDays < 2 || historyShare <= 0 || historyShare > 1 || !heap.matches("[0-9]+[kKmMgG]")
                    || timeoutMinutes < 1) {
                throw new IllegalArgumentException("--precincts must be at least 1, --history-days at least 2 (the short "
                        + "history is 1 day), --history-share in (0, 1], --heap like 512m, --timeout at least 1");
            }
            return new Settings(small, precincts, historyDays, historyShare, heap, workDir, campaignStart,
                    Duration.ofMinutes(timeoutMinutes));
        }

        LocalDate measuredDay() {
            return campaignStart.plusDays(historyDays);
        }
    }

    /** One warehouse: the history it is given, then the measured day. */
    private record Scenario(String name, String title, List<LocalDate> historyDays) {
    }

    /** What one scenario measured. */
    private record Measured(Scenario scenario, Duration historyWall, long historyRows, String loadAtStart,
                            NightlyProfile nightly) {
    }

    private final Settings settings;
    private final PrintStream out;

    private Benchmark(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        // without Spring Boot's logging setup, logback would print the embedded server's every line at DEBUG
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        System.exit(run(System.out, args));
    }

    static int run(PrintStream out, String... args) {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            new Benchmark(settings, out).run();
            return 0;
        } catch (Exception e) {
            System.err.println("error: the benchmark failed: " + e.getMessage());
            e.printStackTrace();
            return 1;
        }
    }

    private void run() throws Exception {
        Path work = settings.workDir().toAbsolutePath().normalize();
        Files.createDirectories(work);
        String loadAtStart = Machine.loadAverage();
        LocalDate day = settings.measuredDay();
        List<Scenario> scenarios = List.of(
                new Scenario("history-1", "1 day of history", List.of(day.minusDays(1))),
                new Scenario("history-" + settings.historyDays(), settings.historyDays() + " days of history",
                        settings.campaignStart().datesUntil(day).toList()));
        // the benchmark's own folders only, those of earlier runs with other --history-days included
        try (Stream<Path> earlier = Files.list(work)) {
            for (Path folder : earlier.toList()) {
                String name = folder.getFileName().toString();
                if (name.equals("registry") || name.equals("measured-day") || name.startsWith("history-")) {
                    deleteTree(folder);
                }
            }
        }

        long generating = System.nanoTime();
        NationalRegistry registry = new NationalRegistry(settings.precincts(), SEED);
        NationalRegistry.Counts registryCounts = registry.write(work.resolve("registry"));
        NationalDay days = new NationalDay(registry, settings.campaignStart(), SEED);
        Path measuredDir = work.resolve("measured-day");
        NationalDay.Counts measured = days.write(measuredDir, day, 1.0);
        for (Scenario scenario : scenarios) {
            for (LocalDate historyDay : scenario.historyDays()) {
                days.write(work.resolve(scenario.name()).resolve("inbox"), historyDay, settings.historyShare());
            }
        }
        out.printf(Locale.ROOT, "generated in %s s: registry of %,d precincts (%,d active), %,d villages and communities, "
                        + "%,d enterprises, %,d venues; measured day %s: %,d files, %,d rows (%,d broken, %,d repeated)%n",
                NightlyProfile.seconds(Duration.ofNanos(System.nanoTime() - generating)), registryCounts.precincts(),
                registryCounts.activePrecincts(), registryCounts.units(), registryCounts.enterprises(), registryCounts.venues(),
                day, measured.files(), measured.rows(), measured.badRows(), measured.duplicateRows());

        Path firstWarehouse = work.resolve(scenarios.get(0).name()).resolve("pg");
        FloorLoad.Result floor;
        FloorLoad.Result loggedFloor;
        String postgres;
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(firstWarehouse)) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(warehouse.jdbcUrl());
            dataSource.setUser("postgres");
            dataSource.setPassword("postgres");
            postgres = describePostgres(dataSource);
            floor = FloorLoad.run(dataSource, measuredDir, Runtime.getRuntime().availableProcessors(), false);
            loggedFloor = FloorLoad.run(dataSource, measuredDir, Runtime.getRuntime().availableProcessors(), true);
        }
        out.printf(Locale.ROOT, "floor: %,d rows of %,d files copied raw in %s s (into logged tables: %s s)%n", floor.rows(),
                floor.files(), NightlyProfile.seconds(floor.elapsed()), NightlyProfile.seconds(loggedFloor.elapsed()));

        // one registry load; the second warehouse starts as a copy of the first, stopped
        new PipelineProcess(firstWarehouse, work.resolve(scenarios.get(0).name()).resolve("var"), settings.campaignStart(),
                settings.childTimeout()).run("reference", settings.heap(), "reference", work.resolve("registry").toString());
        copyTree(firstWarehouse, work.resolve(scenarios.get(1).name()).resolve("pg"));

        // both histories first, then the two measured nights back to back: whatever else the
        // machine is doing then weighs on both alike
        List<Ingested> histories = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            histories.add(ingestHistory(scenario, work));
        }
        List<Measured> results = new ArrayList<>();
        for (Ingested history : histories) {
            results.add(measure(history, measuredDir));
        }
        String table = table(registryCounts, measured, floor, loggedFloor, results,
                postgres + "; load average " + loadAtStart + " at the start, " + Machine.loadAverage() + " at the end");
        out.println();
        out.print(table);
        Files.writeString(work.resolve("results.md"), table, StandardCharsets.UTF_8);
        out.println();
        out.println("(this table is also in " + work.resolve("results.md") + ")");
    }

    /** A warehouse with nothing but the registry, after its history's catch-up night. */
    private record Ingested(Scenario scenario, PipelineProcess pipeline, Path inbox, Duration wall, long rows) {
    }

    private Ingested ingestHistory(Scenario scenario, Path work) throws Exception {
        Path home = work.resolve(scenario.name());
        Path inbox = home.resolve("inbox");
        PipelineProcess pipeline = new PipelineProcess(home.resolve("pg"), home.resolve("var"), settings.campaignStart(),
                settings.childTimeout());
        PipelineProcess.Outcome history = pipeline.run("history", CATCH_UP_HEAP, "nightly", "--inbox", inbox.toString());
        long rows = NightlyProfile.of(history, CATCH_UP_HEAP).rowsRead();
        out.printf(Locale.ROOT, "%s: %d day(s), %,d rows, ingested in one catch-up night of %s s%n", scenario.title(),
                scenario.historyDays().size(), rows, NightlyProfile.seconds(history.wall()));
        return new Ingested(scenario, pipeline, inbox, history.wall(), rows);
    }

    private Measured measure(Ingested history, Path measuredDir) throws Exception {
        linkInto(measuredDir, history.inbox());
        String load = Machine.loadAverage();
        NightlyProfile nightly = NightlyProfile.of(history.pipeline().run("measured-day", settings.heap(), "nightly",
                "--inbox", history.inbox().toString()), settings.heap());
        out.printf(Locale.ROOT, "nightly after %s: %,d rows in %s s%n", history.scenario().title(), nightly.rowsRead(),
                NightlyProfile.seconds(nightly.wall()));
        return new Measured(history.scenario(), history.wall(), history.rows(), load, nightly);
    }

    private String table(NationalRegistry.Counts registry, NationalDay.Counts day, FloorLoad.Result floor,
                         FloorLoad.Result loggedFloor, List<Measured> results, String postgres) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Benchmark%s: %,d precincts (%,d active), measured day %s: %,d files, %,d rows "
                        + "(%,d broken, %,d repeated within their file); on a history day %.0f%% of the active precincts report%n",
                settings.small() ? " (--small: checks that it works, not its speed)" : "", registry.precincts(),
                registry.activePrecincts(), settings.measuredDay(), day.files(), day.rows(), day.badRows(),
                day.duplicateRows(), settings.historyShare() * 100));
        t.append("Machine: ").append(Machine.describe()).append("; ").append(postgres).append('\n');
        t.append('\n');
        t.append("| run | rows | seconds | rows/s | peak heap | slowest stage |\n");
        t.append("|---|---:|---:|---:|---:|---|\n");
        t.append(String.format(Locale.ROOT, "| floor: raw COPY into unlogged tables | %,d | %s | %,.0f | — | — |%n",
                floor.rows(), NightlyProfile.seconds(floor.elapsed()), floor.rows() / seconds(floor.elapsed())));
        t.append(String.format(Locale.ROOT, "| floor, for comparison: raw COPY into logged tables | %,d | %s | %,.0f | — | — |%n",
                loggedFloor.rows(), NightlyProfile.seconds(loggedFloor.elapsed()),
                loggedFloor.rows() / seconds(loggedFloor.elapsed())));
        for (Measured result : results) {
            NightlyProfile n = result.nightly();
            Map.Entry<String, Duration> slowest = n.slowestStep();
            t.append(String.format(Locale.ROOT, "| jobs/nightly after %s | %,d | %s (job %.1f) | %,.0f | %,d MiB of %s | %s %s s |%n",
                    result.scenario().title(), n.rowsRead(), NightlyProfile.seconds(n.wall()), n.jobSeconds(),
                    n.rowsRead() / seconds(n.wall()), n.peakHeapBytes() >> 20, settings.heap(), slowest.getKey(),
                    NightlyProfile.seconds(slowest.getValue())));
        }
        t.append('\n');
        double worstFloorRatio = 0;
        for (Measured result : results) {
            double ratio = seconds(result.nightly().wall()) / seconds(floor.elapsed());
            worstFloorRatio = Math.max(worstFloorRatio, ratio);
            t.append(String.format(Locale.ROOT, "- nightly / floor after %s: %.2f (job time alone / floor: %.2f; "
                            + "/ logged floor: %.2f)%n", result.scenario().title(), ratio,
                    result.nightly().jobSeconds() / seconds(floor.elapsed()),
                    seconds(result.nightly().wall()) / seconds(loggedFloor.elapsed())));
        }
        double historyRatio = seconds(results.get(1).nightly().wall()) / seconds(results.get(0).nightly().wall());
        long peak = results.stream().mapToLong(r -> r.nightly().peakHeapBytes()).max().orElseThrow();
        t.append(String.format(Locale.ROOT, "- nightly / floor, worst: %.2f (target ≤ %.1f): %s%n", worstFloorRatio,
                FLOOR_RATIO_TARGET, verdict(worstFloorRatio <= FLOOR_RATIO_TARGET)));
        t.append(String.format(Locale.ROOT, "- nightly after %s / after %s: %.2f (target ≤ %.1f): %s%n",
                results.get(1).scenario().title(), results.get(0).scenario().title(), historyRatio, HISTORY_RATIO_TARGET,
                verdict(historyRatio <= HISTORY_RATIO_TARGET)));
        // judged on --small runs too: it is about completing within the heap, not about speed
        t.append(String.format(Locale.ROOT, "- peak heap %,d MiB: the measured day completed with -Xmx%s: %s%n", peak >> 20,
                settings.heap(), heapMet(results.stream().map(Measured::nightly).toList()) ? "met" : "NOT MET"));
        t.append('\n');
        for (Measured result : results) {
            NightlyProfile n = result.nightly();
            t.append(String.format(Locale.ROOT, "After %s (history: %,d rows in one catch-up night of %s s):%n",
                    result.scenario().title(), result.historyRows(), NightlyProfile.seconds(result.historyWall())));
            StringBuilder steps = new StringBuilder();
            n.steps().forEach((step, took) -> steps.append(steps.isEmpty() ? "" : ", ").append(step).append(' ')
                    .append(NightlyProfile.seconds(took)).append(" s"));
            t.append("- steps: ").append(steps).append('\n');
            t.append(String.format(Locale.ROOT, "- process: %s s = job %.1f s + JVM, Spring, PostgreSQL and Flyway start; "
                    + "load average %s when it started%n", NightlyProfile.seconds(n.wall()), n.jobSeconds(), result.loadAtStart()));
            t.append(String.format(Locale.ROOT, "- rows: %,d read = %,d loaded + %,d duplicate + %,d rejected%n",
                    n.rowsRead(), n.rowsLoaded(), n.rowsDuplicate(), n.rowsRejected()));
            t.append("- slowest SQL: ").append(String.join("; ", n.statements().stream().limit(5)
                    .map(NightlyProfile.Statement::toString).toList())).append('\n');
        }
        return t.toString();
    }

    /**
     * The heap target: every measured run exited 0 and its peak heap, read from its GC log,
     * was measured and stayed below its -Xmx. A run that fails (an OutOfMemoryError included)
     * stops the benchmark before this, with its console.
     */
    static boolean heapMet(List<NightlyProfile> measuredRuns) {
        return !measuredRuns.isEmpty() && measuredRuns.stream().allMatch(run -> run.exitCode() == 0
                && run.peakHeapBytes() > 0 && run.peakHeapBytes() < run.maxHeapBytes());
    }

    private String verdict(boolean met) {
        return settings.small() ? "not judged on a --small run" : met ? "met" : "NOT MET";
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }

    private static String describePostgres(PGSimpleDataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select split_part(version(), ' ', 2), current_setting('fsync'), "
                     + "current_setting('synchronous_commit'), current_setting('shared_buffers')")) {
            rs.next();
            return "embedded PostgreSQL " + rs.getString(1) + " (fsync " + rs.getString(2) + ", synchronous_commit "
                    + rs.getString(3) + ", shared_buffers " + rs.getString(4) + ")";
        }
    }

    /** The measured day's files join the inbox as hard links: the same bytes in both warehouses' inboxes. */
    private static void linkInto(Path from, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.createLink(inbox.resolve(file.getFileName()), file);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
