package cn.campaign.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code jobs/bench --small} end to end: the generator, the floors and every night and the
 * rerun in child JVMs. It checks that the benchmark works and that its table is complete
 * and adds up, not its speed. Step names are not fixed here: the pipeline's may change.
 */
@Tag("child-jvm")
class BenchmarkSmokeTest {

    private static final String NUMBER = "([0-9,]+)";
    private static final String SECONDS = "([0-9]+\\.[0-9])";
    private static final Pattern HEADER = Pattern.compile(
            "measured day (\\S+): [0-9,]+ files, " + NUMBER + " rows \\([0-9,]+ broken, " + NUMBER + " of them with a "
                    + "wrong field count \\(R08\\); " + NUMBER + " repeated within their file\\)");
    private static final Pattern PSQL_FLOOR = Pattern.compile(
            "\\| floor: psql \\\\copy into plain tables, one session, one transaction \\(the measured day's records but its "
                    + NUMBER + " R08 lines\\) \\| " + NUMBER + " \\| " + SECONDS + " \\| — \\| " + NUMBER + " \\|");
    private static final Pattern COPY_ROWS_FLOOR = Pattern.compile(
            "\\| floor: CopyRows into unlogged tables [^|]* \\| " + NUMBER + " \\| " + SECONDS + " \\| — \\| " + NUMBER + " \\|");
    private static final Pattern RUN_ROW = Pattern.compile(
            "\\| (Night (\\d+), (\\S+), (\\d+) days? of history|jobs/rerun of (\\S+), after night (\\d+)) \\| " + NUMBER
                    + " \\| " + SECONDS + " \\| " + SECONDS + " \\| " + NUMBER + " \\| " + NUMBER + " MiB of 512m \\| "
                    + "(\\S+) " + SECONDS + " s \\|");
    private static final Pattern CONTROL_ROW = Pattern.compile(
            "\\| Control: night 2 again, (\\S+), 1 day of history, on a new warehouse after the rerun \\| " + NUMBER
                    + " \\| " + SECONDS + " \\| " + SECONDS + " \\| " + NUMBER + " \\| " + NUMBER + " MiB of 512m \\| ");
    private static final Pattern ROWS = Pattern.compile(
            "- rows: " + NUMBER + " read = " + NUMBER + " loaded \\+ " + NUMBER + " duplicate \\+ " + NUMBER + " rejected");

    /** One measured run's row of the table. */
    private record RunRow(String title, long rows, double process, double job, long heapMiB) {
    }

    @Test
    void theSmallBenchmarkPrintsACompleteTableThatAddsUp() throws IOException {
        // given an empty work folder
        Path work = Path.of("target/bench-smoke", UUID.randomUUID().toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        // when the small benchmark runs
        int exit = Benchmark.run(new PrintStream(console, true, StandardCharsets.UTF_8), "--small", "--work-dir",
                work.toString());

        // then it completes and prints the table it keeps
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        String table = Files.readString(work.resolve("results.md"), StandardCharsets.UTF_8);
        assertThat(printed).contains(table);
        assertThat(table).contains("Machine: ").contains("embedded PostgreSQL 17");
        Matcher header = HEADER.matcher(table);
        assertThat(header.find()).as(table).isTrue();
        String measuredDay = header.group(1);
        long dayRows = number(header.group(2));
        long wrongFieldCount = number(header.group(3));
        assertThat(dayRows).isGreaterThan(1000);
        assertThat(wrongFieldCount).isPositive();
        assertThat(number(header.group(4))).as("repeated").isPositive();

        // and the floors: psql's takes every record of the day but the R08 lines (or says why it was skipped),
        // CopyRows every physical line, so at least every record
        Matcher psql = PSQL_FLOOR.matcher(table);
        if (psql.find()) {
            assertThat(number(psql.group(1))).isEqualTo(wrongFieldCount);
            assertThat(number(psql.group(2))).isEqualTo(dayRows - wrongFieldCount);
            assertThat(table).containsPattern("- nightly / psql floor: [0-9.]+ \\(target ≤ 6.0\\): not judged on a --small run");
        } else {
            assertThat(table).contains("| floor: psql \\copy — skipped: psql is not on the PATH")
                    .containsPattern("- nightly / CopyRows floor \\(psql skipped: [^)]+\\): [0-9.]+ \\(target ≤ 6.0\\)");
        }
        Matcher copyRows = COPY_ROWS_FLOOR.matcher(table);
        assertThat(copyRows.find()).as(table).isTrue();
        assertThat(number(copyRows.group(1))).isGreaterThanOrEqualTo(dayRows);
        assertThat(table).contains("| floor, for comparison: CopyRows into logged tables | ");

        // and three nights, one a day with 0, 1, 2 days of history before it, then the rerun of the last day
        List<RunRow> runs = new ArrayList<>();
        Matcher run = RUN_ROW.matcher(table);
        while (run.find()) {
            if (run.group(2) != null) {
                assertThat(Integer.parseInt(run.group(2))).as("night number").isEqualTo(runs.size() + 1);
                assertThat(Integer.parseInt(run.group(4))).as("days of history").isEqualTo(runs.size());
            } else {
                assertThat(run.group(5)).isEqualTo(measuredDay);
                assertThat(Integer.parseInt(run.group(6))).isEqualTo(3);
            }
            RunRow row = new RunRow(run.group(1), number(run.group(7)), Double.parseDouble(run.group(8)),
                    Double.parseDouble(run.group(9)), number(run.group(11)));
            assertThat(row.rows()).as(row.title()).isGreaterThan(1000);
            assertThat(row.job()).as(row.title()).isPositive().isLessThanOrEqualTo(row.process());
            assertThat(row.heapMiB()).as(row.title()).isPositive().isLessThan(512);
            runs.add(row);
        }
        assertThat(runs).as(table).hasSize(4);
        assertThat(runs.get(2).title()).contains(measuredDay);
        assertThat(runs.get(2).rows()).as("the last night reads the measured day").isEqualTo(dayRows);
        assertThat(runs.get(3).rows()).as("the rerun reads the measured day again").isEqualTo(dayRows);

        // and night 2 again, last, on a new warehouse: the same day's rows
        Matcher control = CONTROL_ROW.matcher(table);
        assertThat(control.find()).as(table).isTrue();
        assertThat(runs.get(1).title()).contains(control.group(1));
        assertThat(number(control.group(2))).as("the control night reads night 2's day").isEqualTo(runs.get(1).rows());
        double controlSeconds = Double.parseDouble(control.group(3));
        long controlHeapMiB = number(control.group(6));
        assertThat(controlHeapMiB).isPositive().isLessThan(512);

        // and the verdicts, each consistent with the rows above
        Matcher fit = Pattern.compile("- fitted night after 60 days of history / after 1 day: (?:-?[0-9.]+|Infinity) \\(target ≤ 1.3\\)"
                + "[^\\n]*\\n  - slope: ([+-][0-9.]+) s per day of history \\(no standard error through two nights\\); least "
                + "squares over nights 2–3 \\(1 to 2 days of history\\), process time: -?[0-9.]+ s [+-][0-9.]+ s × days \\(fitted: (-?[0-9.]+) s after 1 day").matcher(table);
        assertThat(fit.find()).as(table).isTrue();
        // two nights with history: the line goes through both
        assertThat(Double.parseDouble(fit.group(1))).isCloseTo(runs.get(2).process() - runs.get(1).process(), within(0.11));
        assertThat(Double.parseDouble(fit.group(2))).isCloseTo(runs.get(1).process(), within(0.06));
        // the CPU the nights used, beside their wall time: a virtual machine's host takes some of its cores' time
        assertThat(table).containsPattern("\n  - CPU seconds of the machine's cores \\(the pipeline and PostgreSQL\\): -?[0-9.]+ "
                + "s [+-][0-9.]+ s × days \\(no standard error through two nights\\), after 60 days / after 1 day: "
                + "(?:-?[0-9.]+|Infinity); stolen by the hypervisor: [0-9.]+ to [0-9.]+ s a night\n");
        // the control night parts the machine's drift over the run from the history's cost
        Matcher drift = Pattern.compile("\n  - night 2 again at the end, on a new warehouse: " + SECONDS + " s, against "
                + SECONDS + " s at the start \\(the machine's drift over the run: ([+-][0-9.]+) s\\); night 3, with 2 days "
                + "of history, took " + SECONDS + " s: ([+-][0-9.]+) s over night 2 again \\(what the history costs, the "
                + "drift aside\\)\n").matcher(table);
        assertThat(drift.find()).as(table).isTrue();
        assertThat(Double.parseDouble(drift.group(1))).isEqualTo(controlSeconds, within(0.06));
        assertThat(Double.parseDouble(drift.group(2))).isEqualTo(runs.get(1).process(), within(0.06));
        assertThat(Double.parseDouble(drift.group(3))).isCloseTo(controlSeconds - runs.get(1).process(), within(0.11));
        assertThat(Double.parseDouble(drift.group(4))).isEqualTo(runs.get(2).process(), within(0.06));
        assertThat(Double.parseDouble(drift.group(5))).isCloseTo(runs.get(2).process() - controlSeconds, within(0.11));
        Matcher rerun = Pattern.compile("- rerun / nightly of " + measuredDay + ": ([0-9.]+) \\(target ≤ 1.5\\)").matcher(table);
        assertThat(rerun.find()).as(table).isTrue();
        assertThat(Double.parseDouble(rerun.group(1)))
                .isCloseTo(runs.get(3).process() / runs.get(2).process(), within(0.03 * runs.get(3).process() / runs.get(2).process()));
        Matcher heap = Pattern.compile("- peak heap ([0-9,]+) MiB, the largest of the 5 measured runs: every one completed "
                + "with -Xmx512m: met\\n").matcher(table);
        assertThat(heap.find()).as(table).isTrue();
        assertThat(number(heap.group(1)))
                .isEqualTo(Math.max(controlHeapMiB, runs.stream().mapToLong(RunRow::heapMiB).max().orElseThrow()));
        // and the warehouse counts each generated case once, whichever day carried its snapshots
        assertThat(table).containsPattern("- ledger of the region on " + measuredDay + " after the rerun \\(warehouse / "
                + "generated\\): disputes found [0-9,]+ / [0-9,]+, .*: consistent");

        // and every run's steps side by side: a row per run, a cell per step of the header
        Matcher stepsHeader = Pattern.compile("\\| run \\| load at start \\| CPU busy \\| CPU stolen \\| process \\| job \\| "
                + "(.+) \\| metric days \\|").matcher(table);
        assertThat(stepsHeader.find()).as(table).isTrue();
        int steps = stepsHeader.group(1).split(" \\| ").length;
        assertThat(steps).isGreaterThanOrEqualTo(3);
        assertThat(Pattern.compile("(?m)^\\| (night \\d \\(\\d d\\)|rerun|control night 2 \\(1 d\\)) \\|( [0-9.—]+ \\|){"
                + (steps + 6) + "}$").matcher(table).results().count()).as(table).isEqualTo(5);

        // and the details of the first and last nights and the rerun, their rows adding up
        assertThat(Pattern.compile("- steps: \\S+ [0-9.]+ s(, \\S+ [0-9.]+ s){2,}\\n").matcher(table).results().count())
                .isEqualTo(3);
        assertThat(Pattern.compile("- slowest SQL: sql/[\\w/\\[\\]]+\\.sql #\\d+ [0-9.]+ s \\(\\d+ rows\\)").matcher(table)
                .results().count()).isEqualTo(3);
        Matcher rows = ROWS.matcher(table);
        List<Long> read = new ArrayList<>();
        while (rows.find()) {
            long loaded = number(rows.group(2));
            long duplicate = number(rows.group(3));
            long rejected = number(rows.group(4));
            assertThat(loaded + duplicate + rejected).as(rows.group()).isEqualTo(number(rows.group(1)));
            assertThat(duplicate).as(rows.group()).isPositive();
            assertThat(rejected).as(rows.group()).isPositive();
            read.add(number(rows.group(1)));
        }
        assertThat(read).containsExactly(runs.get(0).rows(), runs.get(2).rows(), runs.get(3).rows());
    }

    private static long number(String withCommas) {
        return Long.parseLong(withCommas.replace(",", ""));
    }
}
