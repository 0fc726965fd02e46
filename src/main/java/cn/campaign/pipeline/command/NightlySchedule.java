package cn.campaign.pipeline.command;

import cn.campaign.pipeline.operation.PipelineFailure;
import cn.campaign.pipeline.nightly.NightlyCommand;
import cn.campaign.pipeline.warehouse.PipelineLock;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.campaign.pipeline.operation.PipelineSettings;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * {@code jobs/schedule}: for sites without cron or systemd, a long-running process that runs
 * the nightly on Spring's cron ({@code pipeline.schedule.cron}). One scheduler thread, and
 * the next time is counted from the end of the last run ({@link NextNight}), so a run still
 * going when the next is due is never started twice; each run takes the pipeline lock like
 * any other command. A failed night is reported and the schedule goes on; the next night
 * resumes it.
 */
@Component
public class NightlySchedule {

    private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

    private final PipelineLock lock;
    private final NightlyCommand ingest;
    private final String cron;

    public NightlySchedule(PipelineLock lock, NightlyCommand ingest, PipelineSettings settings) {
        this.lock = lock;
        this.ingest = ingest;
        this.cron = settings.schedule().cron();
    }

    public void run(Path inbox, PrintStream out) {
        NextNight trigger;
        try {
            trigger = new NextNight(CronExpression.parse(cron), ZoneId.systemDefault());
        } catch (IllegalArgumentException e) {
            throw new PipelineFailure("pipeline.schedule.cron \"" + cron + "\" is not a cron expression: " + e.getMessage());
        }
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("schedule-");
        scheduler.initialize();
        schedule(scheduler, trigger, () -> nightly(inbox, out), out);
        out.printf("schedule: jobs/nightly --inbox %s on \"%s\"; next run %s (Ctrl-C stops)%n", inbox, cron,
                trigger.after(Instant.now()));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            scheduler.shutdown();
        }
    }

    /** Runs {@code night} on the scheduler at the trigger's times, each night through {@link #runNight}. */
    static ScheduledFuture<?> schedule(TaskScheduler scheduler, NextNight trigger, Runnable night, PrintStream out) {
        return scheduler.schedule(() -> runNight(night, trigger, out), trigger);
    }

    /** One scheduled night: a failure is reported, never thrown, and the next run is announced. */
    static void runNight(Runnable night, NextNight trigger, PrintStream out) {
        out.println("schedule: nightly started " + LocalDateTime.now().withNano(0));
        try {
            night.run();
        } catch (RuntimeException e) {
            log.error("scheduled nightly failed", e);
            out.println("schedule: nightly failed: " + PipelineFailure.describe(e));
        }
        out.println("schedule: next run " + trigger.after(Instant.now()));
    }

    private void nightly(Path inbox, PrintStream out) {
        try (PipelineLock.Held held = lock.acquire("nightly (schedule)")) {
            ingest.nightly(inbox, out);
        }
    }

    /**
     * The next start is the first time of the cron expression after the END of the last run
     * (after the schedule started, for the first), never after its start: a night still
     * running when the next is due is not started again, and the night it ran over is not
     * caught up as soon as it ends. Should the clock go back, the next start is still after
     * the last one.
     */
    static final class NextNight implements Trigger {

        private final CronExpression expression;
        private final ZoneId zone;

        NextNight(CronExpression expression, ZoneId zone) {
            this.expression = expression;
            this.zone = zone;
        }

        @Override
        public Instant nextExecution(TriggerContext context) {
            Instant from = context.lastCompletion() == null ? context.getClock().instant() : context.lastCompletion();
            Instant lastScheduled = context.lastScheduledExecution();
            if (lastScheduled != null && from.isBefore(lastScheduled)) {
                from = lastScheduled;
            }
            return next(from);
        }

        /** The first time of the expression strictly after {@code from}, as a local time for the console. */
        LocalDateTime after(Instant from) {
            Instant next = next(from);
            return next == null ? null : LocalDateTime.ofInstant(next, zone);
        }

        private Instant next(Instant from) {
            var next = expression.next(from.atZone(zone));
            return next == null ? null : next.toInstant();
        }
    }
}
