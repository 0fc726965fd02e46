package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.PipelinePaths;
import cn.campaign.pipeline.cli.PipelineLauncher;
import cn.campaign.pipeline.report.ReportStepConfiguration;
import cn.campaign.pipeline.report.RunProgress;
import cn.campaign.pipeline.report.RunSummary;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
public class IngestCommands {

    private final PipelineLauncher launcher;
    private final Job ingestJob;
    private final IngestRuns runs;
    private final RunSummary summary;
    private final PipelinePaths paths;
    private final RunProgress progress;

    public IngestCommands(PipelineLauncher launcher, @Qualifier(IngestJobConfiguration.JOB_NAME) Job ingestJob,
                          IngestRuns runs, RunSummary summary, PipelinePaths paths, RunProgress progress) {
        this.launcher = launcher;
        this.ingestJob = ingestJob;
        this.runs = runs;
        this.summary = summary;
        this.paths = paths;
        this.progress = progress;
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
        try (RunProgress.Watch watching = progress.watch(out)) {
            return launch(inbox, rerun, out);
        }
    }

    private long launch(Path inbox, RerunRange rerun, PrintStream out) {
        launcher.resumeInterrupted(ingestJob, out);
        Path absoluteInbox = inbox.toAbsolutePath().normalize();
        Instant started = Instant.now();
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(IngestJobConfiguration.INBOX, absoluteInbox.toString())
                .addString(IngestJobConfiguration.COMMAND, rerun == null ? "nightly" : "rerun")
                .addString("requestedAt", started.toString());
        if (rerun != null) {
            parameters.addLocalDate(IngestJobConfiguration.RERUN_FROM, rerun.from())
                    .addLocalDate(IngestJobConfiguration.RERUN_TO, rerun.to());
        }
        JobExecution execution = launcher.launch(ingestJob, parameters.toJobParameters());
        long runId = runs.runOfInstance(execution.getJobInstance().getInstanceId());
        summary.print(runId, Duration.between(started, Instant.now()), out);
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
