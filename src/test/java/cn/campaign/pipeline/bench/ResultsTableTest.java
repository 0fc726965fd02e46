package cn.campaign.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the benchmark's table judges without a run: the heap target, the line fitted through
 * the nights, and when the machine held still enough for that line to be judged.
 */
class ResultsTableTest {

    @Test
    void theHeapTargetIsMetOnlyWhenEveryMeasuredRunExitedZeroWithAMeasuredPeakBelowItsHeap() {
        // given measured runs of -Xmx512m
        RunProfile within = night(0, 159);
        RunProfile atTheLimit = night(0, 512);
        RunProfile over = night(0, 600);
        RunProfile unmeasured = night(0, 0);
        RunProfile failed = night(1, 159);

        // when / then the verdict is met only if every run is within its heap
        assertThat(ResultsTable.heapMet(List.of(within, within))).isTrue();
        assertThat(ResultsTable.heapMet(List.of(within, atTheLimit))).isFalse();
        assertThat(ResultsTable.heapMet(List.of(over, within))).isFalse();
        assertThat(ResultsTable.heapMet(List.of(within, unmeasured))).isFalse();
        assertThat(ResultsTable.heapMet(List.of(failed, within))).isFalse();
        assertThat(ResultsTable.heapMet(List.of())).isFalse();
    }

    @Test
    void theLineThroughTheNightsCarriesHowFarItsSlopeCanBeTrusted() {
        // given nights that do not lie on a line
        double[] historyDays = {0, 1, 2, 3};
        double[] seconds = {0, 2, 1, 3};

        // when a line is fitted through them
        ResultsTable.Line line = ResultsTable.Line.fit(historyDays, seconds);

        // then its slope comes with the standard error of least squares: √(Σ residual² / (n − 2) / Σ (x − x̄)²)
        assertThat(line.slope()).isCloseTo(0.8, within(1e-9));
        assertThat(line.intercept()).isCloseTo(0.3, within(1e-9));
        assertThat(line.slopeError()).isCloseTo(Math.sqrt(1.8 / 2 / 5), within(1e-9));
        assertThat(ResultsTable.Line.fit(new double[] {0, 1, 2}, new double[] {1, 3, 5}).slopeError()).isCloseTo(0, within(1e-9));
    }

    @Test
    void theLineThroughTheNightsIsJudgedOnlyWhenNightTwoAgainAtTheEndTookWhatItTookAtTheStart() {
        // given a national run whose night 2 took 100 s at the start
        ResultsTable table = new ResultsTable(BenchmarkSettings.parse());
        double nightTwo = 100;

        // when night 2 runs again at the end, then the line is judged within 10% of that either way
        assertThat(table.historyVerdict(1.12, nightTwo, 100)).isEqualTo("met");
        assertThat(table.historyVerdict(1.12, nightTwo, 109.9)).isEqualTo("met");
        assertThat(table.historyVerdict(1.4, nightTwo, 90.1)).isEqualTo("NOT MET");
        // and not beyond, whatever the line says
        assertThat(table.historyVerdict(1.12, nightTwo, 110.1)).startsWith("not judged: the machine's speed drifted +10%");
        assertThat(table.historyVerdict(1.4, nightTwo, 89.9)).startsWith("not judged: the machine's speed drifted -10%");
        // (the run of 3 December whose line fell by 1.36 s a day: 121.1 s at the start, 61.0 s at the end)
        assertThat(table.historyVerdict(0.24, 121.1, 61.0)).startsWith("not judged: the machine's speed drifted -50%");
    }

    /** A measured run with that exit code and peak heap (MiB), of -Xmx512m. */
    private static RunProfile night(int exitCode, long peakMiB) {
        return new RunProfile(exitCode, Duration.ofSeconds(10), 5.0, 1000, 990, 5, 5, peakMiB << 20, 512L << 20,
                Map.of("mergeStep", Duration.ofSeconds(2)), List.of(), 1);
    }
}
