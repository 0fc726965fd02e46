package cn.campaign.pipeline.nightly;

import cn.campaign.pipeline.ingest.RunParameters;
import cn.campaign.pipeline.operation.PipelineSettings;
import cn.campaign.pipeline.operation.PipelineStepListener;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a run shows while it runs, on the stream of the command that launched it: one line
 * per stage of the night when it completes and, on a terminal only, a line every few
 * seconds while the files are read (files done of total, rows per second, time left) —
 * a log file or a cron mail gets no such ticker. Every step of the pipeline reports to it.
 */
@Component
public class NightlyProgress implements PipelineStepListener {

    private static final Logger log = LoggerFactory.getLogger(NightlyProgress.class);
    private static final SqlFile READ_PROGRESS = SqlFile.of("nightly/read_progress");
    private static final long EVERY_SECONDS = 5;
    /** The stage each step is, and what its write count counts. */
    private static final Map<String, Stage> STAGES = Map.of(
            "discoverInboxStep", new Stage("discover", "new file(s)"),
            "ingestFilesStep", new Stage("read files", "file(s)"),
            "mergeStep", new Stage("merge", null),
            "metricsStep", new Stage("metrics", "day(s) computed"),
            "feedbackStep", new Stage("feedback", "feedback file(s)"),
            "reportStep", new Stage("report", null));
    private static final String READ_STEP = "ingestFilesStep";

    private final NamedParameterJdbcTemplate jdbc;
    private final PipelineSettings.Remote remote;
    private volatile PrintStream out;
    private ScheduledExecutorService ticker;

    public NightlyProgress(DataSource dataSource, PipelineSettings settings) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.remote = settings.remote();
    }

    /** Shows the progress of the runs launched until the returned watch is closed on {@code out}. */
    public Watch watch(PrintStream out) {
        this.out = out;
        return () -> this.out = null;
    }

    @Override
    public void beforeStep(StepExecution step) {
        PrintStream to = out;
        if (to != null && READ_STEP.equals(step.getStepName()) && PipelineSettings.Remote.MANAGER.equals(remote.role())) {
            to.printf("[%s] sent to the workers of %s; a partition without progress for %s fails the night "
                    + "(pipeline.remote.timeout)%n", STAGES.get(READ_STEP).label(), remote.broker(), duration(remote.timeout()));
        }
        if (to != null && READ_STEP.equals(step.getStepName()) && System.console() != null) {
            long runId = RunParameters.runId(step);
            LocalDateTime started = LocalDateTime.now();
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "progress");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(() -> tick(runId, started), EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (ticker != null && READ_STEP.equals(step.getStepName())) {
            ticker.shutdownNow();
            ticker = null;
        }
        Stage stage = STAGES.get(step.getStepName());
        PrintStream to = out;
        if (to != null && stage != null && step.getStatus() == BatchStatus.COMPLETED) {
            Duration took = Duration.between(step.getStartTime(), LocalDateTime.now());
            String counts = stage.counts() == null ? "" : step.getWriteCount() + " " + stage.counts() + ", ";
            if (READ_STEP.equals(step.getStepName())) {
                // the step counts files; what was read in them is in the ledger
                counts += jdbc.queryForMap(READ_PROGRESS.query(), Map.of("runId", RunParameters.runId(step))).get("rows_read")
                        + " row(s), ";
            }
            to.printf("[%s] %s%s%n", stage.label(), counts, duration(took));
        }
        return step.getExitStatus();
    }

    private void tick(long runId, LocalDateTime started) {
        PrintStream to = out;
        try {
            Map<String, Object> progress = jdbc.queryForMap(READ_PROGRESS.query(), Map.of("runId", runId));
            if (to != null) {
                to.println(readingLine(((Number) progress.get("files_done")).longValue(),
                        ((Number) progress.get("files")).longValue(), ((Number) progress.get("rows_read")).longValue(),
                        Duration.between(started, LocalDateTime.now())));
            }
        } catch (RuntimeException e) {
            // a missed tick is no reason to disturb the run
            log.warn("progress of run {} unavailable: {}", runId, e.toString());
        }
    }

    /** {@code [read files] 120/500 files, 35210 rows/s, about 2 min 10 s left}. */
    static String readingLine(long filesDone, long files, long rows, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        String left = filesDone == 0 ? "estimating time left"
                : "about " + duration(elapsed.multipliedBy(files - filesDone).dividedBy(filesDone)) + " left";
        return String.format(Locale.ROOT, "[%s] %d/%d files, %.0f rows/s, %s", STAGES.get(READ_STEP).label(), filesDone, files,
                rows / seconds, left);
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** Stops showing progress; closing it twice is harmless. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private record Stage(String label, String counts) {
    }
}
