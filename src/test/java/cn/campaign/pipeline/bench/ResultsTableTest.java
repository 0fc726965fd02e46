package cn.campaign.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdicts of the benchmark's table that do not need a run: the heap target's. */
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

    /** A measured run with that exit code and peak heap (MiB), of -Xmx512m. */
    private static RunProfile night(int exitCode, long peakMiB) {
        return new RunProfile(exitCode, Duration.ofSeconds(10), 5.0, 1000, 990, 5, 5, peakMiB << 20, 512L << 20,
                Map.of("mergeStep", Duration.ofSeconds(2)), List.of(), 1);
    }
}
