package cn.campaign.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code jobs/bench --small} end to end: the generator, the floor and both nightly runs in
 * child JVMs. It checks that the benchmark works and reports everything, not its speed; that
 * its heap verdict is a real one; and that a child run that hangs is killed at its timeout.
 */
class BenchmarkSmokeTest {

    private static final Pattern NIGHTLY_ROW = Pattern.compile(
            "\\| jobs/nightly after (1 day|3 days) of history \\| ([0-9,]+) \\| [0-9.]+ \\(job [0-9.]+\\) \\| [0-9,]+ "
                    + "\\| ([0-9,]+) MiB of 512m \\| (\\w+Step) [0-9.]+ s \\|");

    @Test
    void theSmallBenchmarkPrintsACompleteTable() throws IOException {
        // given an empty work folder
        Path work = Path.of("target/bench-smoke", UUID.randomUUID().toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        // when the small benchmark runs
        int exit = Benchmark.run(new PrintStream(console, true, StandardCharsets.UTF_8), "--small", "--work-dir",
                work.toString());

        // then it completes and its table has the floor and both nightly runs with their figures
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        String table = Files.readString(work.resolve("results.md"), StandardCharsets.UTF_8);
        assertThat(printed).contains(table);
        assertThat(table).contains("Machine: ").contains("embedded PostgreSQL 17")
                .containsPattern("\\| floor: raw COPY into unlogged tables \\| [0-9,]+ \\| [0-9.]+ \\| [0-9,]+ \\|");
        Matcher nightly = NIGHTLY_ROW.matcher(table);
        int runs = 0;
        while (nightly.find()) {
            runs++;
            assertThat(Long.parseLong(nightly.group(2).replace(",", ""))).as("rows read").isGreaterThan(1000);
            assertThat(Long.parseLong(nightly.group(3).replace(",", ""))).as("peak heap MiB").isPositive();
        }
        assertThat(runs).as(table).isEqualTo(2);
        // and the ratios, the heap verdict and where the time went, for each run
        assertThat(table).containsPattern("nightly / floor, worst: [0-9.]+ \\(target ≤ 3.0\\)")
                .containsPattern("after 3 days of history / after 1 day of history: [0-9.]+ \\(target ≤ 1.3\\)")
                .containsPattern("peak heap [0-9,]+ MiB: the measured day completed with -Xmx512m: met\n");
        assertThat(Pattern.compile("- steps: discoverInboxStep [0-9.]+ s, ingestFilesStep [0-9.]+ s, mergeStep [0-9.]+ s, "
                + "metricsStep [0-9.]+ s, feedbackStep [0-9.]+ s").matcher(table).results().count()).isEqualTo(2);
        assertThat(Pattern.compile("- slowest SQL: sql/\\w+/\\w+\\.sql #").matcher(table).results().count()).isEqualTo(2);
        // and the measured day's rows all add up: read = loaded + duplicate + rejected, with some of each
        Matcher rows = Pattern.compile("- rows: ([0-9,]+) read = ([0-9,]+) loaded \\+ ([0-9,]+) duplicate \\+ ([0-9,]+) rejected")
                .matcher(table);
        assertThat(rows.find()).isTrue();
        long read = number(rows.group(1));
        assertThat(number(rows.group(2)) + number(rows.group(3)) + number(rows.group(4))).isEqualTo(read);
        assertThat(number(rows.group(3))).isPositive();
        assertThat(number(rows.group(4))).isPositive();
    }

    @Test
    void theHeapTargetIsMetOnlyWhenEveryMeasuredRunExitedZeroWithAMeasuredPeakBelowItsHeap() {
        // given measured runs of -Xmx512m
        NightlyProfile within = night(0, 159);
        NightlyProfile atTheLimit = night(0, 512);
        NightlyProfile over = night(0, 600);
        NightlyProfile unmeasured = night(0, 0);
        NightlyProfile failed = night(1, 159);

        // when / then the verdict is met only if every run is within its heap
        assertThat(Benchmark.heapMet(List.of(within, within))).isTrue();
        assertThat(Benchmark.heapMet(List.of(within, atTheLimit))).isFalse();
        assertThat(Benchmark.heapMet(List.of(over, within))).isFalse();
        assertThat(Benchmark.heapMet(List.of(within, unmeasured))).isFalse();
        assertThat(Benchmark.heapMet(List.of(failed, within))).isFalse();
        assertThat(Benchmark.heapMet(List.of())).isFalse();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aChildRunStillGoingAfterItsTimeoutIsKilledWithItsDatabaseAndFailsSayingSo() throws IOException {
        // given a child that never ends by itself (jobs/warehouse serves until Ctrl-C), with a timeout of 15 s
        Path home = Path.of("target/bench-smoke", UUID.randomUUID().toString()).toAbsolutePath();
        PipelineProcess child = new PipelineProcess(home.resolve("pg"), home.resolve("var"), LocalDate.of(2026, 1, 15),
                Duration.ofSeconds(15));

        // when it runs
        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> child.run("hung", "512m", "warehouse"));

        // then it fails naming the run and its timeout, soon after the timeout
        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("hung (warehouse) did not finish in 15 s (--timeout) and was killed");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(90));
        // and neither the child JVM nor its embedded PostgreSQL is left running
        List<String> left = ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(process -> process.info().commandLine().orElse(""))
                .filter(command -> command.contains(home.toString())).toList();
        assertThat(left).isEmpty();
        Path pidFile = home.resolve("pg/postmaster.pid");
        if (Files.exists(pidFile)) {
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("postmaster " + postmaster).isEmpty();
        }
    }

    /** A measured run with that exit code and peak heap (MiB), of -Xmx512m. */
    private static NightlyProfile night(int exitCode, long peakMiB) {
        return new NightlyProfile(exitCode, Duration.ofSeconds(10), 5.0, 1000, 990, 5, 5, peakMiB << 20, 512L << 20,
                Map.of("mergeStep", Duration.ofSeconds(2)), List.of());
    }

    private static long number(String withCommas) {
        return Long.parseLong(withCommas.replace(",", ""));
    }
}
