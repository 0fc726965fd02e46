package cn.campaign.pipeline.merge;

import cn.campaign.pipeline.ingest.RunParameters;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The merge, in one transaction, all set-based ({@code sql/merge/}), touching only what the
 * night changed: the night's accounting checked against what the readers wrote, versions,
 * the winner of every key tonight's rows touch (one file for visits and inspections), first
 * visits, and the case and hazard ledgers. A failure rolls everything back and a restart
 * merges again.
 */
class MergeTasklet implements Tasklet {

    private static final List<SqlFile> PREPARE = List.of(SqlFile.of("merge/work_memory"), SqlFile.of("merge/fresh_statistics"));
    private static final SqlFile RUN_DAYS = SqlFile.of("merge/run_days");
    private static final SqlFile ACCOUNTING_ERRORS = SqlFile.of("merge/accounting_errors");
    private static final List<SqlFile> MERGES = List.of(
            SqlFile.of("merge/version_changes"),
            SqlFile.of("merge/winners", "visits", Map.of("kind", "visits", "rows", "core.visit_row",
                    "keys", "core.visit_key", "beaten", "core.visit_beaten", "id", "visit_id", "date", "visit_date",
                    "days", "visitDays",
                    "measures", "r.persons_reached, 0 as violations_found, 0 as violations_handled, r.target_type, r.target_code",
                    "changed_measures", "r.persons_reached, 0, 0")),
            SqlFile.of("merge/first_visits"),
            SqlFile.of("merge/winners", "inspections", Map.of("kind", "inspections", "rows", "core.inspection_row",
                    "keys", "core.inspection_key", "beaten", "core.inspection_beaten", "id", "inspection_id",
                    "date", "inspection_date", "days", "inspectionDays",
                    "measures", "0 as persons_reached, r.violations_found, r.violations_handled",
                    "changed_measures", "0, r.violations_found, r.violations_handled")),
            SqlFile.of("merge/ledgers"));

    private final NamedParameterJdbcTemplate jdbc;

    MergeTasklet(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = RunParameters.runId(chunkContext.getStepContext().getStepExecution());
        PREPARE.forEach(sql -> sql.execute(jdbc, Map.of()));
        Map<String, Object> days = jdbc.queryForMap(RUN_DAYS.query(), Map.of("runId", runId));
        Map<String, Object> parameters = Map.of("runId", runId, "visitDays", untypedLiteral(days.get("visit_days")),
                "inspectionDays", untypedLiteral(days.get("inspection_days")));
        List<String> unbalanced = jdbc.query(ACCOUNTING_ERRORS.query(), parameters, (rs, i) -> String.format(
                "%s: rows_read %d, loaded %d + duplicate %d + rejected %d; %d rows and %d rejects in the warehouse",
                rs.getString("file_name"), rs.getInt("rows_read"), rs.getInt("rows_loaded"), rs.getInt("rows_duplicate"),
                rs.getInt("rows_rejected"), rs.getLong("rows_written"), rs.getLong("rejects_stored")));
        if (!unbalanced.isEmpty()) {
            throw new IllegalStateException("accounting does not add up (a bug, nothing was merged): "
                    + String.join("; ", unbalanced));
        }
        MERGES.forEach(sql -> sql.execute(jdbc, parameters));
        return RepeatStatus.FINISHED;
    }

    /**
     * The days go to PostgreSQL untyped, so that {@code cast(:days as date[])} is the parameter
     * itself, a constant the planner prunes the day partitions by. Sent as text, the cast
     * would be evaluated while the query runs, and every partition of the history scanned.
     */
    static SqlParameterValue untypedLiteral(Object days) {
        return new SqlParameterValue(Types.OTHER, days);
    }
}
