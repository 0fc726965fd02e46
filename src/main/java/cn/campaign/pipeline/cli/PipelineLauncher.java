package cn.campaign.pipeline.cli;

import cn.campaign.pipeline.PipelineFailure;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/**
 * Starts a job with {@link JobOperator} and turns its outcome into what the operator sees:
 * a completed execution, or a {@link PipelineFailure} carrying the one line to print.
 */
@Component
public class PipelineLauncher {

    private final JobOperator jobOperator;

    public PipelineLauncher(JobOperator jobOperator) {
        this.jobOperator = jobOperator;
    }

    public JobExecution launch(Job job, JobParameters parameters) {
        JobExecution execution;
        try {
            execution = jobOperator.start(job, parameters);
        } catch (Exception e) {
            throw new PipelineFailure(job.getName() + " could not start: " + e.getMessage(), e);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw failureOf(job.getName(), execution);
        }
        return execution;
    }

    private static PipelineFailure failureOf(String jobName, JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        for (Throwable failure : failures) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof PipelineFailure pipelineFailure) {
                    return pipelineFailure;
                }
            }
        }
        Throwable first = failures.isEmpty() ? null : failures.get(0);
        String reason = first == null ? execution.getExitStatus().getExitDescription() : PipelineFailure.describe(first);
        return new PipelineFailure(jobName + " failed (execution " + execution.getId() + ", " + execution.getStatus()
                + "): " + reason, first);
    }
}
