package cn.campaign.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.SimpleTriggerContext;

/** The trigger jobs/schedule uses never starts a night while the last one is still running. */
class NightlyScheduleTest {

    @Test
    void aRunStillGoingWhenTheNextIsDueIsNotStartedTwice() {
        // given the 01:30 schedule, and a night that started at 01:30 and ran for 25 hours
        CronTrigger trigger = new CronTrigger("0 30 1 * * *", ZoneOffset.UTC);
        Instant started = Instant.parse("2026-02-03T01:30:00Z");
        Instant finished = Instant.parse("2026-02-04T02:30:00Z");
        SimpleTriggerContext context = new SimpleTriggerContext(Clock.fixed(finished, ZoneOffset.UTC));
        context.update(started, started, finished);

        // when the scheduler asks for the next start
        Instant next = trigger.nextExecution(context);

        // then the missed 02-04 01:30 is skipped: the next night starts at 02-05 01:30, once
        assertThat(next).isEqualTo(Instant.parse("2026-02-05T01:30:00Z"));
    }
}
