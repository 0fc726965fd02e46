package cn.campaign.pipeline.operation;

import java.io.PrintStream;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a job with {@link JobOperator} and turns its outcome into what the operator sees:
 * a completed execution, or a {@link PipelineFailure} carrying the one line to print.
 */
@Component
public class PipelineLauncher {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    public PipelineLauncher(JobOperator jobOperator, JobRepository jobRepository) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    /**
     * Finishes the job's last execution if it did not complete: a killed run (left STARTED)
     * is first recovered, then a failed or stopped one is restarted with its own parameters
     * and resumes where it stopped. Callers hold the pipeline lock, so a STARTED execution
     * cannot be a live one (a worker still reading a partition given up on fails its next
     * commit, which rolls back).
     */
    public void resumeInterrupted(Job job, PrintStream out) {
        JobInstance lastInstance = jobRepository.getLastJobInstance(job.getName());
        if (lastInstance == null) {
            return;
        }
        JobExecution last = jobRepository.getLastJobExecution(lastInstance);
        if (last == null || last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
            return;
        }
        // a killed run is left running, and so are the partitions a manager gave up on: neither restarts as it is
        if (last.getStatus().isRunning() || last.getStepExecutions().stream().anyMatch(step -> step.getStatus().isRunning())) {
            last = jobOperator.recover(last);
        }
        out.printf("resuming interrupted %s execution %d (started %s, %s)%n", job.getName(), last.getId(),
                last.getStartTime(), last.getStatus());
        JobExecution resumed;
        try {
            resumed = jobOperator.restart(last);
        } catch (Exception e) {
            throw new PipelineFailure(job.getName() + " execution " + last.getId() + " could not be restarted: "
                    + PipelineFailure.describe(e), e);
        }
        if (resumed.getStatus() != BatchStatus.COMPLETED) {
            throw failureOf(job.getName(), resumed);
        }
    }

    public JobExecution launch(Job job, JobParameters parameters) {
        JobExecution execution;
        try {
            execution = jobOperator.start(job, parameters);
        } catch (Exception e) {
            throw new PipelineFailure(job.getName() + " failed: " + PipelineFailure.describe(e), e);
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
