package cn.campaign.pipeline.merge;

import cn.campaign.pipeline.PipelineFailure;
import cn.campaign.pipeline.ingest.IngestRuns;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The merge, in one transaction, all set-based ({@code sql/merge/}): registry checks and
 * each row's outcome, rejected rows, each file's accounting (checked, never assumed),
 * versions, then the core tables. A failure rolls everything back and a restart merges
 * the same staged rows again.
 */
class MergeTasklet implements Tasklet {

    private static final SqlFile STAGING_LOST = SqlFile.of("merge/staging_lost");
    private static final List<SqlFile> CHECKS = List.of(
            SqlFile.of("merge/work_memory"), SqlFile.of("merge/fresh_statistics"), SqlFile.of("merge/version_conflicts"),
            SqlFile.of("merge/checked_visits"), SqlFile.of("merge/checked_disputes"),
            SqlFile.of("merge/checked_hazards"), SqlFile.of("merge/checked_inspections"),
            SqlFile.of("merge/rejected_rows"), SqlFile.of("merge/file_accounting"));
    private static final SqlFile ACCOUNTING_ERRORS = SqlFile.of("merge/accounting_errors");
    private static final List<SqlFile> MERGES = List.of(
            SqlFile.of("merge/active_files"), SqlFile.of("merge/visits"), SqlFile.of("merge/target_first_visits"),
            SqlFile.of("merge/inspections"), SqlFile.of("merge/disputes"), SqlFile.of("merge/dispute_events"),
            SqlFile.of("merge/hazards"), SqlFile.of("merge/hazard_events"), SqlFile.of("merge/clear_staging"));

    private final NamedParameterJdbcTemplate jdbc;
    private final IngestRuns runs;

    MergeTasklet(DataSource dataSource, IngestRuns runs) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.runs = runs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = runs.runOf(chunkContext.getStepContext().getStepExecution());
        Map<String, Object> parameters = Map.of("runId", runId);
        List<Long> lost = jdbc.queryForList(STAGING_LOST.query(), parameters, Long.class);
        if (!lost.isEmpty()) {
            // the restart reads them again (LostStagingListener) before merging
            throw new PipelineFailure(lost.size() + " staged file(s) lost their rows (was PostgreSQL restarted?); "
                    + "the next run reads them again");
        }
        CHECKS.forEach(sql -> sql.execute(jdbc, parameters));
        List<String> unbalanced = jdbc.query(ACCOUNTING_ERRORS.query(), parameters, (rs, i) -> String.format(
                "%s: rows_read %d <> loaded %d + duplicate %d + rejected %d", rs.getString("file_name"),
                rs.getInt("rows_read"), rs.getInt("rows_loaded"), rs.getInt("rows_duplicate"), rs.getInt("rows_rejected")));
        if (!unbalanced.isEmpty()) {
            throw new IllegalStateException("accounting does not add up (a bug, nothing was merged): "
                    + String.join("; ", unbalanced));
        }
        MERGES.forEach(sql -> sql.execute(jdbc, parameters));
        return RepeatStatus.FINISHED;
    }
}
