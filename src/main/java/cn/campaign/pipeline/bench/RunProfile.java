package cn.campaign.pipeline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one {@code jobs/nightly} or {@code jobs/rerun} child run tells about itself: its row
 * accounting and job time from the console summary ({@code rows: N read = N loaded + N
 * duplicate + N rejected}, {@code 12.3 s, N rows/s}), the time of each step and of each SQL
 * statement from the run's log ({@code Step: [xxxStep] executed in …}, {@code
 * sql/<file>.sql statement N: … rows in M ms}), and the peak heap from the GC log (the heap
 * before each collection, and at exit). Steps are whatever the log lists, in its order; the
 * workers of a partitioned step ({@code name:partitionN}) are left out, their manager step
 * stands for them. The metric days come from the console's {@code [metrics] N day(s)
 * computed} line, -1 when it has none.
 */
record RunProfile(int exitCode, Duration wall, double jobSeconds, long rowsRead, long rowsLoaded, long rowsDuplicate,
                  long rowsRejected, long peakHeapBytes, long maxHeapBytes, Map<String, Duration> steps,
                  List<Statement> statements, int metricDays) {

    /** One SQL statement of a named file, with its time. */
    record Statement(String file, int number, long rows, long millis) {
        @Override
        public String toString() {
            return "sql/" + file + ".sql #" + number + " " + seconds(Duration.ofMillis(millis)) + " s (" + rows + " rows)";
        }
    }

    private static final Pattern ROWS = Pattern.compile(
            "rows: (\\d+) read = (\\d+) loaded \\+ (\\d+) duplicate \\+ (\\d+) rejected");
    private static final Pattern JOB_TIME = Pattern.compile("^\\s+([0-9]+[.,][0-9]+) s, [0-9]+ rows/s", Pattern.MULTILINE);
    private static final Pattern STEP = Pattern.compile("Step: \\[([^\\]]+)] executed in (\\S+)");
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final Pattern SQL = Pattern.compile("sql/(\\S+)\\.sql statement (\\d+): (-?\\d+) rows in (\\d+) ms");
    /** G1's "Pause Young (Normal) (G1 Evacuation Pause) 300M->50M(512M)": heap used before and after, heap committed. */
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern METRIC_DAYS = Pattern.compile("^\\[metrics] (\\d+) day\\(s\\) computed", Pattern.MULTILINE);
    private static final Pattern HEAP_AT_EXIT = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

    /** The profile of a run that ended, with its GC log and the -Xmx it ran with. */
    static RunProfile of(PipelineProcess run, Path gcLog, String maxHeap) throws IOException {
        String console = run.stdout();
        Matcher rows = ROWS.matcher(console);
        Matcher job = JOB_TIME.matcher(console);
        if (!rows.find() || !job.find()) {
            throw new IllegalStateException(run.label() + " printed no run summary:\n" + console + run.stderr());
        }
        Path log = run.log();
        Map<String, Duration> steps = new LinkedHashMap<>();
        List<Statement> statements = new ArrayList<>();
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                Matcher step = STEP.matcher(line);
                if (step.find() && step.group(1).indexOf(':') < 0) {
                    steps.put(step.group(1), duration(step.group(2)));
                }
                Matcher sql = SQL.matcher(line);
                if (sql.find()) {
                    statements.add(new Statement(sql.group(1), Integer.parseInt(sql.group(2)), Long.parseLong(sql.group(3)),
                            Long.parseLong(sql.group(4))));
                }
            });
        }
        long peak = 0;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher pause = GC_PAUSE.matcher(line);
            if (line.contains("Pause") && pause.find()) {
                peak = Math.max(peak, bytes(pause.group(1), pause.group(2)));
            }
            Matcher exit = HEAP_AT_EXIT.matcher(line);
            if (exit.find()) {
                peak = Math.max(peak, Long.parseLong(exit.group(2)) * 1024);
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalStateException(run.label() + ": its log " + log + " shows no step");
        }
        statements.sort(Comparator.comparingLong(Statement::millis).reversed());
        Matcher metricDays = METRIC_DAYS.matcher(console);
        return new RunProfile(run.exitCode(), run.wall(), Double.parseDouble(job.group(1).replace(',', '.')), Long.parseLong(rows.group(1)),
                Long.parseLong(rows.group(2)), Long.parseLong(rows.group(3)), Long.parseLong(rows.group(4)), peak,
                bytes(maxHeap.substring(0, maxHeap.length() - 1), maxHeap.substring(maxHeap.length() - 1).toUpperCase()),
                steps, statements, metricDays.find() ? Integer.parseInt(metricDays.group(1)) : -1);
    }

    /** The whole child process, JVM start, Spring, PostgreSQL start and Flyway included, in seconds. */
    double processSeconds() {
        return Math.max(wall.toNanos(), 1) / 1e9;
    }

    /** The step that took longest. */
    Map.Entry<String, Duration> slowestStep() {
        return steps.entrySet().stream().max(Map.Entry.comparingByValue())
                .orElseThrow(() -> new IllegalStateException("the log shows no step"));
    }

    /** Spring Batch's step durations: {@code 1m2s345ms}, {@code 12s5ms}, {@code 345ms}. */
    private static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a step duration: " + text);
        }
        return Duration.ofHours(number(matcher.group(1))).plusMinutes(number(matcher.group(2)))
                .plusSeconds(number(matcher.group(3))).plusMillis(number(matcher.group(4)));
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    private static long bytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            case "G" -> value << 30;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }

    static String seconds(Duration duration) {
        return "%.1f".formatted(duration.toMillis() / 1000.0);
    }
}
