package cn.campaign.pipeline.nightly;

import cn.campaign.pipeline.ingest.RerunRange;
import cn.campaign.pipeline.ingest.RunParameters;
import cn.campaign.pipeline.ingest.IngestRuns;
import cn.campaign.pipeline.operation.PipelinePaths;
import cn.campaign.pipeline.operation.PipelineLauncher;
import cn.campaign.pipeline.registry.RegistrySnapshots;
import cn.campaign.pipeline.report.ReportStepConfiguration;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * {@code jobs/nightly} and {@code jobs/rerun}: finish any interrupted run, then ingest what
 * is new in the inbox, or read a range of submission dates again.
 */
@Component
public class NightlyCommand {

    private final PipelineLauncher launcher;
    private final Job nightlyJob;
    private final IngestRuns runs;
    private final NightlySummary summary;
    private final PipelinePaths paths;
    private final NightlyProgress progress;
    private final RegistrySnapshots registry;

    public NightlyCommand(PipelineLauncher launcher, @Qualifier(NightlyJobConfiguration.JOB_NAME) Job nightlyJob,
                          IngestRuns runs, NightlySummary summary, PipelinePaths paths, NightlyProgress progress,
                          RegistrySnapshots registry) {
        this.launcher = launcher;
        this.nightlyJob = nightlyJob;
        this.runs = runs;
        this.summary = summary;
        this.paths = paths;
        this.progress = progress;
        this.registry = registry;
    }

    /** Returns the run id. */
    public long nightly(Path inbox, PrintStream out) {
        return run(inbox, null, out);
    }

    /** {@code jobs/rerun}: read every inbox file of those submission dates again. Returns the run id. */
    public long rerun(RerunRange range, Path inbox, PrintStream out) {
        return run(inbox, range, out);
    }

    private long run(Path inbox, RerunRange rerun, PrintStream out) {
        try (NightlyProgress.Watch watching = progress.watch(out)) {
            return launch(inbox, rerun, out);
        }
    }

    private long launch(Path inbox, RerunRange rerun, PrintStream out) {
        registry.requireLoaded();
        launcher.resumeInterrupted(nightlyJob, out);
        Path absoluteInbox = inbox.toAbsolutePath().normalize();
        // the monotonic clock: a step of the wall clock (NTP) during a night must not change its time
        long started = System.nanoTime();
        // the run is recorded first: its id is the parameter every step and a restart go by
        long runId = runs.start(rerun == null ? "nightly" : "rerun", absoluteInbox.toString());
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addLong(RunParameters.RUN_ID, runId)
                .addString(RunParameters.INBOX, absoluteInbox.toString());
        if (rerun != null) {
            parameters.addLocalDate(RunParameters.RERUN_FROM, rerun.from())
                    .addLocalDate(RunParameters.RERUN_TO, rerun.to());
        }
        JobExecution execution = launcher.launch(nightlyJob, parameters.toJobParameters());
        summary.print(runId, Duration.ofNanos(System.nanoTime() - started), out);
        Path feedback = paths.feedbackDir(runId);
        if (Files.isDirectory(feedback)) {
            out.println("  feedback for precincts: " + feedback);
        }
        String report = execution.getExecutionContext().getString(ReportStepConfiguration.REPORT_PATH, null);
        if (report != null) {
            out.println("  report: " + report);
        }
        return runId;
    }
}
