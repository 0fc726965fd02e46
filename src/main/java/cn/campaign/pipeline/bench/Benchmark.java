package cn.campaign.pipeline.bench;

import ch.qos.logback.classic.Level;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * {@link NationalRegistry}, {@link NationalDay}); copies the last day's rows raw into a fresh PostgreSQL, with the
 * system {@code psql} ({@link PsqlFloor}) and with the pipeline's own COPY writer
 * ({@link FloorLoad}); loads the registry into a warehouse of its own, then ingests the days
 * one night each with {@code jobs/nightly} in a child JVM into that warehouse and one
 * accumulating inbox, and finally runs {@code jobs/rerun} of the last day. It prints every
 * run's times, rows, peak heap and steps, the verdicts on the targets, and keeps the table in
 * {@code <work-dir>/results.md}.
 */
public final class Benchmark {

    static final String USAGE = """
            usage: jobs/bench [--small] [--precincts N] [--history-days N] [--heap SIZE] [--work-dir DIR]
                              [--campaign-start YYYY-MM-DD] [--timeout MINUTES]
              --small            a few precincts, three nights: checks that the benchmark works (CI)
              --precincts N      precincts of the registry (default 4000: 2,000,000 rows in 16,000 files a day)
              --history-days N   full-volume days ingested before the last measured night, one night
                                 each (default 7: 8 nights in all); at least 2
              --heap SIZE        -Xmx of every measured run (default 512m, the target)
              --work-dir DIR     where data, the warehouse, logs and results.md go (default var/bench; its
                                 registry, days, floor and warehouse folders are emptied first)
              --campaign-start D the first night's day (default 2026-01-15); the last is D + --history-days
              --timeout MINUTES  a pipeline run (child JVM) still running after this is killed and the
                                 benchmark fails (default 120; 5 with --small)""";

    /** The targets of issue 12. */
    static final double FLOOR_RATIO_TARGET = 6.0;
    static final double HISTORY_RATIO_TARGET = 1.3;
    static final double RERUN_RATIO_TARGET = 1.5;
    static final String HEAP_TARGET = "512m";
    /** The history target projects the fitted night to this many days of history (a two-month campaign). */
    static final int PROJECTED_HISTORY_DAYS = 60;
    private static final long SEED = 20260316L;
    /** The benchmark's folders under the work folder, and those of its earlier shape: emptied at the start. */
    private static final Set<String> OWN_FOLDERS = Set.of("registry", "days", "floor", "warehouse", "measured-day");

    record Settings(boolean small, int precincts, int historyDays, String heap, Path workDir, LocalDate campaignStart,
                    Duration childTimeout) {

        static Settings parse(String... args) {
            boolean small = List.of(args).contains("--small");
            int precincts = small ? 6 : 4000;
            int historyDays = small ? 2 : 7;
            String heap = HEAP_TARGET;
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
            if (precincts < 1 || historyDays < 2 || !heap.matches("[0-9]+[kKmMgG]") || timeoutMinutes < 1) {
                throw new IllegalArgumentException("--precincts must be at least 1, --history-days at least 2 (the line "
                        + "through the nights with history needs two of them), --heap like 512m, --timeout at least 1");
            }
            return new Settings(small, precincts, historyDays, heap, workDir, campaignStart, Duration.ofMinutes(timeoutMinutes));
        }

        /** The day of the last night, which the floors copy and the rerun reads again. */
        LocalDate measuredDay() {
            return campaignStart.plusDays(historyDays);
        }

        /** Every day, one night each: the campaign start to the measured day. */
        List<LocalDate> days() {
            return campaignStart.datesUntil(measuredDay().plusDays(1)).toList();
        }
    }

    /** One measured child run: a night (number from 1, its day, days of history before it) or the rerun. */
    private record Run(String title, int night, LocalDate day, int historyDays, String loadAtStart, RunProfile profile) {

        boolean isNight() {
            return night > 0;
        }
    }

    /** The floors of the measured day: psql (empty when it is not on the PATH, with why), CopyRows unlogged and logged. */
    private record Floors(Optional<PsqlFloor.Result> psql, String psqlSkipped, FloorLoad.Result unlogged,
                          FloorLoad.Result logged) {
    }

    /** The region's figures in the warehouse on the measured day and the day before. */
    private record WarehouseLedger(long disputesFound, long disputesResolved, long disputesFoundDayBefore,
                                   long hazardsFound, long hazardsRectified) {
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
        PipelineProcess pipeline = new PipelineProcess(home.resolve("pg"), home.resolve("var"), settings.campaignStart(),
                settings.childTimeout());
        pipeline.run("reference", settings.heap(), "reference", work.resolve("registry").toString());
        List<Run> runs = new ArrayList<>();
        int night = 0;
        for (LocalDate day : settings.days()) {
            night++;
            linkInto(dayDir(work, day), inbox);
            String load = Machine.loadAverage();
            RunProfile profile = RunProfile.of(pipeline.run("night-" + night, settings.heap(), "nightly", "--inbox",
                    inbox.toString()), settings.heap());
            int history = night - 1;
            runs.add(new Run(String.format(Locale.ROOT, "Night %d, %s, %d day%s of history", night, day, history,
                    history == 1 ? "" : "s"), night, day, history, load, profile));
            out.printf(Locale.ROOT, "night %d (%s, %d day%s of history): %,d rows in %s s (job %.1f s)%n", night, day,
                    history, history == 1 ? "" : "s", profile.rowsRead(), RunProfile.seconds(profile.wall()), profile.jobSeconds());
        }
        String load = Machine.loadAverage();
        RunProfile rerun = RunProfile.of(pipeline.run("rerun", settings.heap(), "rerun", "--from", measuredDay.toString(),
                "--to", measuredDay.toString(), "--inbox", inbox.toString()), settings.heap());
        runs.add(new Run("jobs/rerun of " + measuredDay + ", after night " + night, 0, measuredDay, night - 1, load, rerun));
        out.printf(Locale.ROOT, "rerun of %s: %,d rows in %s s (job %.1f s)%n", measuredDay, rerun.rowsRead(),
                RunProfile.seconds(rerun.wall()), rerun.jobSeconds());

        NationalDay.Ledger generated = generator.ledger(measuredDay);
        WarehouseLedger stored;
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(home.resolve("pg"))) {
            stored = warehouseLedger(dataSource(warehouse), measuredDay);
        }

        String table = table(registryCounts, measured, floors, runs, generated, stored,
                postgres + "; load average " + loadAtStart + " at the start, " + Machine.loadAverage() + " at the end");
        out.println();
        out.print(table);
        Files.writeString(work.resolve("results.md"), table, StandardCharsets.UTF_8);
        out.println();
        out.println("(this table is also in " + work.resolve("results.md") + ")");
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

    // ---- the table

    private String table(NationalRegistry.Counts registry, NationalDay.Counts day, Floors floors, List<Run> runs,
                         NationalDay.Ledger generated, WarehouseLedger stored, String postgres) {
        List<Run> nights = runs.stream().filter(Run::isNight).toList();
        Run last = nights.get(nights.size() - 1);
        Run rerun = runs.get(runs.size() - 1);
        LocalDate measuredDay = settings.measuredDay();
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Benchmark%s: %,d precincts (%,d active); %d national days, %s to %s, each "
                        + "ingested by its own jobs/nightly into one warehouse and one inbox, then jobs/rerun of the last; "
                        + "measured day %s: %,d files, %,d rows (%,d broken, %,d of them with a wrong field count (R08); "
                        + "%,d repeated within their file)%n",
                settings.small() ? " (--small: checks that it works, not its speed)" : "", registry.precincts(),
                registry.activePrecincts(), nights.size(), settings.campaignStart(), measuredDay, measuredDay, day.files(),
                day.rows(), day.badRows(), day.wrongFieldCountRows(), day.duplicateRows()));
        t.append("Machine: ").append(Machine.describe()).append("; ").append(postgres)
                .append(floors.psql().map(p -> "; psql " + p.version()).orElse("")).append('\n');
        t.append('\n');

        t.append("| run | rows | seconds | job seconds | rows/s | peak heap | slowest stage |\n");
        t.append("|---|---:|---:|---:|---:|---:|---|\n");
        if (floors.psql().isPresent()) {
            PsqlFloor.Result psql = floors.psql().get();
            t.append(String.format(Locale.ROOT, "| floor: psql \\copy into plain tables, one session, one transaction "
                            + "(the measured day's records but its %,d R08 lines) | %,d | %s | — | %,.0f | — | — |%n",
                    day.wrongFieldCountRows(), psql.rows(), RunProfile.seconds(psql.elapsed()),
                    psql.rows() / seconds(psql.elapsed())));
        } else {
            t.append("| floor: psql \\copy — skipped: ").append(floors.psqlSkipped())
                    .append("; target 1 is judged against the CopyRows floor | — | — | — | — | — | — |\n");
        }
        t.append(floorRow("floor: CopyRows into unlogged tables (every physical line, split at every comma)",
                floors.unlogged()));
        t.append(floorRow("floor, for comparison: CopyRows into logged tables", floors.logged()));
        for (Run run : runs) {
            RunProfile p = run.profile();
            Map.Entry<String, Duration> slowest = p.slowestStep();
            t.append(String.format(Locale.ROOT, "| %s | %,d | %s | %.1f | %,.0f | %,d MiB of %s | %s %s s |%n", run.title(),
                    p.rowsRead(), RunProfile.seconds(p.wall()), p.jobSeconds(), p.rowsRead() / p.processSeconds(),
                    p.peakHeapBytes() >> 20, settings.heap(), slowest.getKey(), RunProfile.seconds(slowest.getValue())));
        }
        t.append('\n');

        // target 1: the last night against the psql floor (or, without psql, the CopyRows floor)
        double nightSeconds = last.profile().processSeconds();
        double unloggedRatio = nightSeconds / seconds(floors.unlogged().elapsed());
        double loggedRatio = nightSeconds / seconds(floors.logged().elapsed());
        if (floors.psql().isPresent()) {
            double psqlSeconds = seconds(floors.psql().get().elapsed());
            double ratio = nightSeconds / psqlSeconds;
            t.append(String.format(Locale.ROOT, "- nightly / psql floor: %.2f (target ≤ %.1f): %s%n", ratio,
                    FLOOR_RATIO_TARGET, verdict(ratio <= FLOOR_RATIO_TARGET)));
            t.append(String.format(Locale.ROOT, "  - night %d (%s, %d days of history) %.1f s over psql's %.1f s; job time "
                            + "alone / psql floor: %.2f; nightly / CopyRows floor: %.2f (logged: %.2f)%n", last.night(),
                    last.day(), last.historyDays(), nightSeconds, psqlSeconds, last.profile().jobSeconds() / psqlSeconds,
                    unloggedRatio, loggedRatio));
        } else {
            t.append(String.format(Locale.ROOT, "- nightly / CopyRows floor (psql skipped: %s): %.2f (target ≤ %.1f): %s%n",
                    floors.psqlSkipped(), unloggedRatio, FLOOR_RATIO_TARGET, verdict(unloggedRatio <= FLOOR_RATIO_TARGET)));
            t.append(String.format(Locale.ROOT, "  - night %d (%s, %d days of history) %.1f s over the unlogged CopyRows "
                            + "floor's %.1f s; job time alone / floor: %.2f; / logged floor: %.2f%n", last.night(), last.day(),
                    last.historyDays(), nightSeconds, seconds(floors.unlogged().elapsed()),
                    last.profile().jobSeconds() / seconds(floors.unlogged().elapsed()), loggedRatio));
        }

        // target 2: a straight line through the nights with history
        List<Run> withHistory = nights.subList(1, nights.size());
        Line process = Line.fit(withHistory.stream().mapToDouble(Run::historyDays).toArray(),
                withHistory.stream().mapToDouble(r -> r.profile().processSeconds()).toArray());
        Line job = Line.fit(withHistory.stream().mapToDouble(Run::historyDays).toArray(),
                withHistory.stream().mapToDouble(r -> r.profile().jobSeconds()).toArray());
        double projection = process.ratio(PROJECTED_HISTORY_DAYS, 1);
        t.append(String.format(Locale.ROOT, "- fitted night after %d days of history / after 1 day: %.2f (target ≤ %.1f): %s%n",
                PROJECTED_HISTORY_DAYS, projection, HISTORY_RATIO_TARGET, verdict(projection <= HISTORY_RATIO_TARGET)));
        t.append(String.format(Locale.ROOT, "  - slope: %+.2f s per day of history; least squares over nights 2–%d (1 to %d "
                        + "days of history), process time: %.1f s %+.2f s × days (fitted: %.1f s after 1 day, %.1f s after %d)%n",
                process.slope(), nights.size(), nights.size() - 1, process.intercept(), process.slope(), process.at(1),
                process.at(PROJECTED_HISTORY_DAYS), PROJECTED_HISTORY_DAYS));
        t.append(String.format(Locale.ROOT, "  - job time alone: %.1f s %+.2f s × days, after %d days / after 1 day: %.2f%n",
                job.intercept(), job.slope(), PROJECTED_HISTORY_DAYS, job.ratio(PROJECTED_HISTORY_DAYS, 1)));

        // target 3: the rerun of the last day against its night
        double rerunRatio = rerun.profile().processSeconds() / nightSeconds;
        t.append(String.format(Locale.ROOT, "- rerun / nightly of %s: %.2f (target ≤ %.1f): %s%n", measuredDay, rerunRatio,
                RERUN_RATIO_TARGET, verdict(rerunRatio <= RERUN_RATIO_TARGET)));
        t.append(String.format(Locale.ROOT, "  - jobs/rerun --from %s --to %s %.1f s (job %.1f s) against night %d's %.1f s "
                        + "(job %.1f s); job time alone: %.2f%n", measuredDay, measuredDay, rerun.profile().processSeconds(),
                rerun.profile().jobSeconds(), last.night(), nightSeconds, last.profile().jobSeconds(),
                rerun.profile().jobSeconds() / last.profile().jobSeconds()));

        // target 4: every measured run within 512m
        long peak = runs.stream().mapToLong(r -> r.profile().peakHeapBytes()).max().orElseThrow();
        boolean targetHeap = settings.heap().equalsIgnoreCase(HEAP_TARGET);
        // judged on --small runs too: it is about completing within the heap, not about speed
        boolean heapMet = heapMet(runs.stream().map(Run::profile).toList());
        t.append(String.format(Locale.ROOT, "- peak heap %,d MiB, the largest of the %d measured runs: every one completed "
                        + "with -Xmx%s: %s%n", peak >> 20, runs.size(), settings.heap(),
                targetHeap ? (heapMet ? "met" : "NOT MET") : "not judged (the target is -Xmx" + HEAP_TARGET + ")"));

        // the generated days are consistent: the warehouse counts each case once
        boolean consistent = stored.disputesFound() == generated.disputesFound()
                && stored.disputesResolved() == generated.disputesResolved()
                && stored.hazardsFound() == generated.hazardsFound()
                && stored.hazardsRectified() == generated.hazardsRectified()
                && stored.disputesFound() - stored.disputesFoundDayBefore() == generated.disputesReportedThatDay();
        t.append(String.format(Locale.ROOT, "- ledger of the region on %s after the rerun (warehouse / generated): disputes "
                        + "found %,d / %,d, resolved %,d / %,d, found that day +%,d / %,d; hazards found %,d / %,d, rectified "
                        + "%,d / %,d: %s%n", measuredDay, stored.disputesFound(), generated.disputesFound(),
                stored.disputesResolved(), generated.disputesResolved(),
                stored.disputesFound() - stored.disputesFoundDayBefore(), generated.disputesReportedThatDay(),
                stored.hazardsFound(), generated.hazardsFound(), stored.hazardsRectified(), generated.hazardsRectified(),
                consistent ? "consistent" : "INCONSISTENT"));
        t.append('\n');

        // every run's steps side by side, then the details of the first and last nights and the rerun
        Set<String> steps = new LinkedHashSet<>();
        runs.forEach(run -> steps.addAll(run.profile().steps().keySet()));
        t.append("Steps, seconds:\n\n| run | load at start | process | job | ").append(String.join(" | ", steps))
                .append(" | metric days |\n");
        t.append("|---|---:|---:|---:|").append("---:|".repeat(steps.size())).append("---:|\n");
        for (Run run : runs) {
            RunProfile p = run.profile();
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f |", run.isNight() ? "night " + run.night() + " ("
                    + run.historyDays() + " d)" : "rerun", run.loadAtStart(), RunProfile.seconds(p.wall()), p.jobSeconds()));
            for (String step : steps) {
                Duration took = p.steps().get(step);
                t.append(' ').append(took == null ? "—" : RunProfile.seconds(took)).append(" |");
            }
            t.append(' ').append(p.metricDays() < 0 ? "—" : String.valueOf(p.metricDays())).append(" |\n");
        }
        t.append('\n');
        for (Run run : List.of(nights.get(0), last, rerun)) {
            RunProfile p = run.profile();
            t.append(run.title()).append(":\n");
            StringBuilder stepTimes = new StringBuilder();
            p.steps().forEach((step, took) -> stepTimes.append(stepTimes.isEmpty() ? "" : ", ").append(step).append(' ')
                    .append(RunProfile.seconds(took)).append(" s"));
            t.append("- steps: ").append(stepTimes).append('\n');
            t.append(String.format(Locale.ROOT, "- process: %s s = job %.1f s + JVM, Spring, PostgreSQL and Flyway start; "
                    + "load average %s when it started%n", RunProfile.seconds(p.wall()), p.jobSeconds(), run.loadAtStart()));
            t.append(String.format(Locale.ROOT, "- rows: %,d read = %,d loaded + %,d duplicate + %,d rejected%n",
                    p.rowsRead(), p.rowsLoaded(), p.rowsDuplicate(), p.rowsRejected()));
            t.append("- slowest SQL: ").append(String.join("; ", p.statements().stream().limit(5)
                    .map(RunProfile.Statement::toString).toList())).append('\n');
        }
        return t.toString();
    }

    private static String floorRow(String title, FloorLoad.Result floor) {
        return String.format(Locale.ROOT, "| %s | %,d | %s | — | %,.0f | — | — |%n", title, floor.rows(),
                RunProfile.seconds(floor.elapsed()), floor.rows() / seconds(floor.elapsed()));
    }

    /** A least-squares straight line y = intercept + slope × x. */
    record Line(double intercept, double slope) {

        static Line fit(double[] x, double[] y) {
            if (x.length < 2 || x.length != y.length) {
                throw new IllegalArgumentException("a line needs two points or more");
            }
            double meanX = 0;
            double meanY = 0;
            for (int i = 0; i < x.length; i++) {
                meanX += x[i] / x.length;
                meanY += y[i] / y.length;
            }
            double covariance = 0;
            double variance = 0;
            for (int i = 0; i < x.length; i++) {
                covariance += (x[i] - meanX) * (y[i] - meanY);
                variance += (x[i] - meanX) * (x[i] - meanX);
            }
            double slope = covariance / variance;
            return new Line(meanY - slope * meanX, slope);
        }

        double at(double x) {
            return intercept + slope * x;
        }

        /** The line at {@code x} over the line at {@code base}; infinite when the line is not positive at {@code base}. */
        double ratio(double x, double base) {
            return at(base) > 0 ? at(x) / at(base) : Double.POSITIVE_INFINITY;
        }
    }

    /**
     * The heap target: every measured run exited 0 and its peak heap, read from its GC log,
     * was measured and stayed below its -Xmx. A run that fails (an OutOfMemoryError included)
     * stops the benchmark before this, with its console.
     */
    static boolean heapMet(List<RunProfile> measuredRuns) {
        return !measuredRuns.isEmpty() && measuredRuns.stream().allMatch(run -> run.exitCode() == 0
                && run.peakHeapBytes() > 0 && run.peakHeapBytes() < run.maxHeapBytes());
    }

    private String verdict(boolean met) {
        return settings.small() ? "not judged on a --small run" : met ? "met" : "NOT MET";
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
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
