package cn.campaign.pipeline.bench;

import ch.qos.logback.classic.Level;
import cn.campaign.pipeline.bench.ResultsTable.Floors;
import cn.campaign.pipeline.bench.ResultsTable.Run;
import cn.campaign.pipeline.bench.ResultsTable.WarehouseLedger;
import cn.campaign.pipeline.generator.NationalDay;
import cn.campaign.pipeline.generator.NationalRegistry;
import cn.campaign.pipeline.warehouse.EmbeddedWarehouse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code jobs/bench}: the pipeline at national scale, night after night, against the physical
 * floor, in one run on one machine (docs/performance.md). It generates a registry and
 * {@code --history-days} + 1 consecutive national days (the generator's national setting,
 * {@link NationalRegistry}, {@link NationalDay}); copies the last day's rows raw into a fresh
 * PostgreSQL, with the system {@code psql} ({@link PsqlFloor}) and with the pipeline's own
 * COPY writer ({@link FloorLoad}); loads the registry into a warehouse of its own, then
 * ingests the days one night each with {@code jobs/nightly} in a child JVM
 * ({@link PipelineProcess}) into that warehouse and one accumulating inbox, and finally runs
 * {@code jobs/rerun} of the last day, then night 2 again on a new warehouse, which parts the
 * machine's drift over the run from the cost of the history. It prints every run's times,
 * rows, peak heap and steps, the verdicts on the targets ({@link ResultsTable}), and keeps the
 * table in {@code <work-dir>/results.md}.
 */
public final class Benchmark {

    private static final long SEED = 20260316L;
    /** The benchmark's folders under the work folder, and those of its earlier shape: emptied at the start. */
    private static final Set<String> OWN_FOLDERS = Set.of("registry", "days", "floor", "warehouse", "control", "measured-day");

    private final BenchmarkSettings settings;
    private final PrintStream out;

    private Benchmark(BenchmarkSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        // without Spring Boot's logging setup, logback would print the embedded server's every line at DEBUG
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        System.exit(run(System.out, args));
    }

    static int run(PrintStream out, String... args) {
        BenchmarkSettings settings;
        try {
            settings = BenchmarkSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(BenchmarkSettings.USAGE);
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
        LocalDate measuredDay = settings.measuredDay();
        // the benchmark's own folders only, those of its earlier shape included
        try (Stream<Path> earlier = Files.list(work)) {
            for (Path folder : earlier.toList()) {
                String name = folder.getFileName().toString();
                if (OWN_FOLDERS.contains(name) || name.startsWith("history-")) {
                    deleteTree(folder);
                }
            }
        }

        // every day up front, each in a folder of its own; the measured day also as CSV for psql
        long generating = System.nanoTime();
        NationalRegistry registry = new NationalRegistry(settings.precincts(), SEED);
        NationalRegistry.Counts registryCounts = registry.write(work.resolve("registry"));
        NationalDay generator = new NationalDay(registry, settings.campaignStart(), SEED);
        Path copyDir = work.resolve("floor").resolve("csv");
        NationalDay.Counts measured = null;
        long allRows = 0;
        long allFiles = 0;
        for (LocalDate day : settings.days()) {
            boolean last = day.equals(measuredDay);
            NationalDay.Counts counts = generator.write(dayDir(work, day), day, last ? copyDir : null);
            allRows += counts.rows();
            allFiles += counts.files();
            if (last) {
                measured = counts;
            }
        }
        out.printf(Locale.ROOT, "generated in %s s: registry of %,d precincts (%,d active), %,d villages and communities, "
                        + "%,d enterprises, %,d venues; %d days %s to %s: %,d files, %,d rows; measured day %s: %,d files, "
                        + "%,d rows (%,d broken, %,d of them with a wrong field count; %,d repeated)%n",
                RunProfile.seconds(Duration.ofNanos(System.nanoTime() - generating)), registryCounts.precincts(),
                registryCounts.activePrecincts(), registryCounts.units(), registryCounts.enterprises(), registryCounts.venues(),
                settings.days().size(), settings.campaignStart(), measuredDay, allFiles, allRows, measuredDay,
                measured.files(), measured.rows(), measured.badRows(), measured.wrongFieldCountRows(),
                measured.duplicateRows());

        String postgres;
        Floors floors;
        Path floorData = work.resolve("floor").resolve("pg");
        try (EmbeddedWarehouse floorServer = EmbeddedWarehouse.start(floorData)) {
            PGSimpleDataSource dataSource = dataSource(floorServer);
            postgres = describePostgres(dataSource);
            floors = floors(dataSource, floorServer.port(), dayDir(work, measuredDay), copyDir, measured);
        }
        deleteTree(floorData);
        Files.deleteIfExists(floorData.resolveSibling("pg.lock"));

        // one warehouse, one inbox that keeps every day's files: the registry, then a night per day
        Path home = work.resolve("warehouse");
        Path inbox = home.resolve("inbox");
        completed(home, "reference", "reference", work.resolve("registry").toString());
        List<Run> runs = new ArrayList<>();
        int night = 0;
        for (LocalDate day : settings.days()) {
            night++;
            linkInto(dayDir(work, day), inbox);
            String load = Machine.loadAverage();
            Optional<Machine.Cpu> cpuBefore = Machine.cpu();
            RunProfile profile = measured(home, "night-" + night, "nightly", "--inbox", inbox.toString());
            int history = night - 1;
            runs.add(new Run(String.format(Locale.ROOT, "Night %d, %s, %d day%s of history", night, day, history,
                    history == 1 ? "" : "s"), night, day, history, load, cpuSince(cpuBefore), profile));
            out.printf(Locale.ROOT, "night %d (%s, %d day%s of history): %,d rows in %s s (job %.1f s)%n", night, day,
                    history, history == 1 ? "" : "s", profile.rowsRead(), RunProfile.seconds(profile.wall()), profile.jobSeconds());
        }
        String load = Machine.loadAverage();
        Optional<Machine.Cpu> cpuBefore = Machine.cpu();
        RunProfile rerun = measured(home, "rerun", "rerun", "--from", measuredDay.toString(), "--to",
                measuredDay.toString(), "--inbox", inbox.toString());
        runs.add(new Run("jobs/rerun of " + measuredDay + ", after night " + night, 0, measuredDay, night - 1, load,
                cpuSince(cpuBefore), rerun));
        out.printf(Locale.ROOT, "rerun of %s: %,d rows in %s s (job %.1f s)%n", measuredDay, rerun.rowsRead(),
                RunProfile.seconds(rerun.wall()), rerun.jobSeconds());

        NationalDay.Ledger generated = generator.ledger(measuredDay);
        WarehouseLedger stored;
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(home.resolve("pg"))) {
            stored = warehouseLedger(dataSource(warehouse), measuredDay);
        }
        Run control = controlNight(work, runs.get(1));

        String table = new ResultsTable(settings).render(registryCounts, measured, floors, runs, control, generated, stored,
                postgres + "; load average " + loadAtStart + " at the start, " + Machine.loadAverage() + " at the end");
        out.println();
        out.print(table);
        Files.writeString(work.resolve("results.md"), table, StandardCharsets.UTF_8);
        out.println();
        out.println("(this table is also in " + work.resolve("results.md") + ")");
    }

    /**
     * Night 2 again, last, on a new warehouse holding only night 1: a night of one day's history
     * on the machine as it is at the end of the run. Its time against night 2's at the start is
     * how much the machine drifted over the run (its host, its page cache); against the last
     * night's, how much the history costs.
     */
    private Run controlNight(Path work, Run nightTwo) throws IOException {
        Path control = work.resolve("control");
        Path inbox = control.resolve("inbox");
        completed(control, "reference", "reference", work.resolve("registry").toString());
        linkInto(dayDir(work, settings.campaignStart()), inbox);
        completed(control, "night-1", "nightly", "--inbox", inbox.toString());
        linkInto(dayDir(work, nightTwo.day()), inbox);
        String load = Machine.loadAverage();
        Optional<Machine.Cpu> cpuBefore = Machine.cpu();
        RunProfile profile = measured(control, "night-2", "nightly", "--inbox", inbox.toString());
        out.printf(Locale.ROOT, "control: night 2 (%s) again on a new warehouse: %,d rows in %s s (job %.1f s)%n",
                nightTwo.day(), profile.rowsRead(), RunProfile.seconds(profile.wall()), profile.jobSeconds());
        return new Run(String.format(Locale.ROOT, "Control: night 2 again, %s, 1 day of history, on a new warehouse "
                + "after the rerun", nightTwo.day()), 0, nightTwo.day(), 1, load, cpuSince(cpuBefore), profile);
    }

    /** The machine's CPU time since {@code before}: empty where /proc/stat cannot be read. */
    private static Optional<Machine.Cpu> cpuSince(Optional<Machine.Cpu> before) {
        return before.flatMap(start -> Machine.cpu().map(end -> end.since(start)));
    }

    /** A measured run: a pipeline command that must complete, profiled from its console, log and GC log. */
    private RunProfile measured(Path home, String label, String... arguments) throws IOException {
        return RunProfile.of(completed(home, label, arguments), gcLog(home, label), settings.heap());
    }

    /**
     * A pipeline command on the benchmark's warehouse, in a child JVM with the measured heap
     * and a GC log to read the peak heap from; it must exit 0.
     */
    private PipelineProcess completed(Path home, String label, String... arguments) {
        List<String> command = new ArrayList<>(List.of(arguments));
        command.add("--campaign.start-date=" + settings.campaignStart());
        // the nights here come minutes apart, not a day: with the hour's margin every night would
        // compare all the files of the earlier ones, where a real night compares one day's
        command.add("--pipeline.ingest.listing-margin=0s");
        PipelineProcess run = PipelineProcess.start(home, label,
                List.of("-Xmx" + settings.heap(), "-Xlog:gc,gc+heap+exit:file=" + gcLog(home, label)), command,
                settings.childTimeout());
        int exit = run.exitCode();
        if (exit != 0) {
            throw new IllegalStateException(label + " exited with " + exit + ":\n" + run.stdout() + run.stderr());
        }
        return run;
    }

    private static Path gcLog(Path home, String label) {
        return home.resolve("var").resolve(label + ".gc.log");
    }

    private static Path dayDir(Path work, LocalDate day) {
        return work.resolve("days").resolve(day.toString());
    }

    /** On a fresh server: psql's load of the day's CSV files, then the CopyRows floors into unlogged and logged tables. */
    private Floors floors(PGSimpleDataSource dataSource, int port, Path dayFiles, Path copyDir, NationalDay.Counts day)
            throws Exception {
        Optional<Path> psql = PsqlFloor.find();
        Optional<PsqlFloor.Result> psqlFloor = Optional.empty();
        String skipped = "";
        if (psql.isPresent()) {
            psqlFloor = Optional.of(PsqlFloor.run(dataSource, port, psql.get(), copyDir, day.copyableRows()));
            out.printf(Locale.ROOT, "psql floor: %,d rows copied by %s %s in %s s%n", psqlFloor.get().rows(), psql.get(),
                    psqlFloor.get().version(), RunProfile.seconds(psqlFloor.get().elapsed()));
        } else {
            skipped = "psql is not on the PATH";
            out.println("psql floor skipped: " + skipped);
        }
        int threads = Runtime.getRuntime().availableProcessors();
        FloorLoad.Result unlogged = FloorLoad.run(dataSource, dayFiles, threads, false);
        FloorLoad.Result logged = FloorLoad.run(dataSource, dayFiles, threads, true);
        out.printf(Locale.ROOT, "CopyRows floor: %,d rows of %,d files copied raw in %s s (into logged tables: %s s)%n",
                unlogged.rows(), unlogged.files(), RunProfile.seconds(unlogged.elapsed()),
                RunProfile.seconds(logged.elapsed()));
        return new Floors(psqlFloor, skipped, unlogged, logged);
    }

    private static WarehouseLedger warehouseLedger(PGSimpleDataSource dataSource, LocalDate day) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select metric_date, sum(disputes_found_ctd), "
                     + "sum(disputes_resolved_ctd), sum(hazards_found_ctd), sum(hazards_rectified_ctd) "
                     + "from mart.daily_org_metrics where org_level = 'region' and metric_date in (?, ?) "
                     + "group by metric_date")) {
            query.setDate(1, Date.valueOf(day.minusDays(1)));
            query.setDate(2, Date.valueOf(day));
            long[] onDay = null;
            long foundDayBefore = -1;
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (rs.getDate(1).toLocalDate().equals(day)) {
                        onDay = new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
                    } else {
                        foundDayBefore = rs.getLong(2);
                    }
                }
            }
            if (onDay == null || foundDayBefore < 0) {
                throw new IllegalStateException("mart.daily_org_metrics has no region rows for " + day.minusDays(1)
                        + " and " + day);
            }
            return new WarehouseLedger(onDay[0], onDay[1], foundDayBefore, onDay[2], onDay[3]);
        }
    }

    private static PGSimpleDataSource dataSource(EmbeddedWarehouse server) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.jdbcUrl());
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        return dataSource;
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

    /** A day's files join the inbox as hard links: the inbox keeps every earlier day's files, as in production. */
    private static void linkInto(Path from, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.createLink(inbox.resolve(file.getFileName()), file);
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
