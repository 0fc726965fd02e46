package cn.campaign.pipeline.ingest;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One ingest.run per job instance: a restart of a failed or killed execution continues the
 * same run, so files it already read are not read again.
 */
@Component
public class IngestRuns {

    private final JdbcTemplate jdbc;

    public IngestRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run of this step's job instance, created by its first step. */
    public long runOf(StepExecution stepExecution) {
        return runOfInstance(stepExecution.getJobExecution().getJobInstance().getInstanceId());
    }

    public long runOfInstance(long jobInstanceId) {
        return jdbc.queryForObject("select run_id from ingest.run where job_instance_id = ?", Long.class, jobInstanceId);
    }

    long startRun(StepExecution stepExecution, String command, String inbox) {
        long instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        return jdbc.queryForObject("""
                insert into ingest.run (job_instance_id, command, inbox) values (?, ?, ?)
                on conflict (job_instance_id) do update set inbox = excluded.inbox
                returning run_id""", Long.class, instanceId, command, inbox);
    }
}
