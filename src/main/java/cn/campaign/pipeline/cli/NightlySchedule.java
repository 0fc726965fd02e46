package cn.campaign.pipeline.cli;

import cn.campaign.pipeline.PipelineFailure;
import cn.campaign.pipeline.ingest.IngestCommands;
import cn.campaign.pipeline.warehouse.PipelineLock;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * {@code jobs/schedule}: for sites without cron or systemd, a long-running process that runs
 * the nightly on Spring's cron ({@code pipeline.schedule.cron}). One scheduler thread, and
 * the next time is counted from the end of the last run, so a run still going when the next
 * is due is never started twice; each run takes the pipeline lock like any other command.
 * A failed night is reported and the schedule goes on; the next night resumes it.
 */
@Component
public class NightlySchedule {

    private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

    private final PipelineLock lock;
    private final IngestCommands ingest;
    private final String cron;

    public NightlySchedule(PipelineLock lock, IngestCommands ingest, @Value("${pipeline.schedule.cron}") String cron) {
        this.lock = lock;
        this.ingest = ingest;
        this.cron = cron;
    }

    public void run(Path inbox, PrintStream out) {
        CronExpression expression;
        try {
            expression = CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new PipelineFailure("pipeline.schedule.cron \"" + cron + "\" is not a cron expression: " + e.getMessage());
        }
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("schedule-");
        scheduler.initialize();
        scheduler.schedule(() -> runNight(inbox, expression, out), new CronTrigger(cron));
        out.printf("schedule: jobs/nightly --inbox %s on \"%s\"; next run %s (Ctrl-C stops)%n", inbox, cron,
                expression.next(LocalDateTime.now()));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            scheduler.shutdown();
        }
    }

    private void runNight(Path inbox, CronExpression expression, PrintStream out) {
        out.println("schedule: nightly started " + LocalDateTime.now().withNano(0));
        try (PipelineLock.Held held = lock.acquire("nightly (schedule)")) {
            ingest.nightly(inbox, out);
        } catch (RuntimeException e) {
            log.error("scheduled nightly failed", e);
            out.println("schedule: nightly failed: " + PipelineFailure.describe(e));
        }
        out.println("schedule: next run " + expression.next(LocalDateTime.now()));
    }
}
