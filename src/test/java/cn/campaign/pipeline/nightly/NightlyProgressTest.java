package cn.campaign.pipeline.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reading ticker's line: files done of total, rows per second, time left at the pace so far. */
class NightlyProgressTest {

    @Test
    void timeLeftFollowsThePaceOfTheFilesReadSoFar() {
        assertThat(NightlyProgress.readingLine(100, 500, 70_000, Duration.ofSeconds(20)))
                .isEqualTo("[read files] 100/500 files, 3500 rows/s, about 1 min 20 s left");
        assertThat(NightlyProgress.readingLine(0, 500, 0, Duration.ofSeconds(5)))
                .isEqualTo("[read files] 0/500 files, 0 rows/s, estimating time left");
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertThat(NightlyProgress.duration(Duration.ofMillis(2_345))).isEqualTo("2.3 s");
        assertThat(NightlyProgress.duration(Duration.ofSeconds(130))).isEqualTo("2 min 10 s");
        assertThat(NightlyProgress.duration(Duration.ofMinutes(65))).isEqualTo("1 h 5 min");
    }
}
