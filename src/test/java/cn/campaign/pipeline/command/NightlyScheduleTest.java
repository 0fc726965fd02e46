package cn.campaign.pipeline.command;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.operation.PipelineFailure;
import cn.campaign.pipeline.command.NightlySchedule.NextNight;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.SimpleTriggerContext;

/**
 * {@code jobs/schedule} ({@link NightlySchedule}): the next night is counted from the end of
 * the last run, so a run still going when the next is due is never started twice, and a
 * failed night is reported and the schedule goes on.
 */
class NightlyScheduleTest {

    /** The default schedule, {@code pipeline.schedule.cron}, on UTC so the instants read plainly. */
    private static final NextNight AT_0130 = new NextNight(CronExpression.parse("0 30 1 * * *"), ZoneOffset.UTC);

    @Test
    void aNightStillRunningWhenTheNextIsDueIsNotStartedAgainTheScheduleWaitsForTheFollowingNight() {
        // given a night that started at 02-03 01:30 and ran 25 hours, past 02-04 01:30
        SimpleTriggerContext context = ranFromTo("2026-02-03T01:30:00Z", "2026-02-04T02:30:00Z");

        // when the schedule asks for the next start
        Instant next = AT_0130.nextExecution(context);

        // then the night it ran over is not caught up at its end: the next starts at 02-05 01:30
        assertThat(next).isEqualTo(Instant.parse("2026-02-05T01:30:00Z"));
    }

    @Test
    void aNightEndingExactlyWhenTheNextIsDueDoesNotStartAgainAtOnce() {
        // given a night that ended at 02-04 01:30:00, the very time the next is due
        SimpleTriggerContext context = ranFromTo("2026-02-03T01:30:00Z", "2026-02-04T01:30:00Z");

        // when / then the next starts a day later
        assertThat(AT_0130.nextExecution(context)).isEqualTo(Instant.parse("2026-02-05T01:30:00Z"));
    }

    @Test
    void aNightThatEndsInTimeIsFollowedByTheNextDaysNight() {
        // given a night of 40 minutes
        SimpleTriggerContext context = ranFromTo("2026-02-03T01:30:00Z", "2026-02-03T02:10:00Z");

        // when / then the next starts the next day at 01:30
        assertThat(AT_0130.nextExecution(context)).isEqualTo(Instant.parse("2026-02-04T01:30:00Z"));
    }

    @Test
    void theFirstNightIsTheFirstDueTimeAfterTheScheduleStarts() {
        // given a schedule started at noon, nothing run yet
        SimpleTriggerContext context = new SimpleTriggerContext(Clock.fixed(Instant.parse("2026-02-03T12:00:00Z"), ZoneOffset.UTC));

        // when / then the first night is the next 01:30
        assertThat(AT_0130.nextExecution(context)).isEqualTo(Instant.parse("2026-02-04T01:30:00Z"));
    }

    @Test
    void aFailedNightIsReportedAndTheScheduleGoesOn() throws InterruptedException {
        // given a schedule every second whose first night fails
        NextNight everySecond = new NextNight(CronExpression.parse("* * * * * *"), ZoneId.systemDefault());
        AtomicInteger nights = new AtomicInteger();
        CountDownLatch secondNightDone = new CountDownLatch(1);
        Runnable night = () -> {
            if (nights.incrementAndGet() == 1) {
                throw new PipelineFailure("the database is down");
            }
            secondNightDone.countDown();
        };
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();

        // when the schedule runs
        try {
            NightlySchedule.schedule(scheduler, everySecond, night, new PrintStream(console, true, StandardCharsets.UTF_8));
            assertThat(secondNightDone.await(20, TimeUnit.SECONDS)).as("a second night ran").isTrue();
        } finally {
            scheduler.shutdown();
        }

        // then the failure was reported with its reason, the next run announced, and the next night started
        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        assertThat(lines.get(0)).startsWith("schedule: nightly started ");
        assertThat(lines.get(1)).isEqualTo("schedule: nightly failed: the database is down");
        assertThat(lines.get(2)).startsWith("schedule: next run ");
        assertThat(lines.get(3)).startsWith("schedule: nightly started ");
    }

    /** What the scheduler knows after one night: when it was due, when it started, when it ended. */
    private static SimpleTriggerContext ranFromTo(String started, String ended) {
        SimpleTriggerContext context = new SimpleTriggerContext(Clock.fixed(Instant.parse(ended), ZoneOffset.UTC));
        context.update(Instant.parse(started), Instant.parse(started), Instant.parse(ended));
        return context;
    }
}
