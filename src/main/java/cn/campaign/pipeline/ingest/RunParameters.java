package cn.campaign.pipeline.ingest;

import org.springframework.batch.core.step.StepExecution;

/**
 * The job parameters of a night ({@code jobs/nightly}, {@code jobs/rerun}) that its steps read:
 * the run it records into ({@code ingest.run}), the inbox, and for a rerun its dates. A
 * restart of a failed or killed execution has the same parameters, so it continues the same
 * run and files already read are not read again.
 */
public final class RunParameters {

    public static final String RUN_ID = "runId";
    public static final String INBOX = "inbox";
    public static final String RERUN_FROM = "rerunFrom";
    public static final String RERUN_TO = "rerunTo";

    private RunParameters() {
    }

    /** The run a step of a night records into. */
    public static long runId(StepExecution step) {
        return step.getJobParameters().getLong(RUN_ID);
    }
}
