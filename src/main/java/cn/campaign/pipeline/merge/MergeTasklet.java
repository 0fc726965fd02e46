package cn.campaign.pipeline.merge;

import cn.campaign.pipeline.contract.SubmissionKind;
import cn.campaign.pipeline.ingest.RunParameters;
import cn.campaign.pipeline.operation.PipelineFailure;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The merge, all set-based ({@code sql/merge/}), touching only what the night changed: the
 * night's accounting checked against what the readers wrote, then versions, the winner of
 * every key tonight's rows touch (one file for visits and inspections), first visits, and the
 * case and hazard ledgers.
 *
 * <p>A version, a key and a case or hazard each belong to one kind of file, so the merge is
 * done in parts by kind — visits, cases and hazards, inspections — each in its own
 * transaction, side by side in {@code pipeline.merge.sessions} sessions, by default as many
 * as there are cores (one PostgreSQL backend uses one core, and the merge is most of a
 * night). A part that fails rolls back alone; a part that committed finds, on a restart, no
 * active flag of its kinds left to flip, and so nothing to do. The metrics, the next step,
 * read the merge only once every part has committed (docs/decisions.md).
 */
class MergeTasklet implements Tasklet {

    private static final SqlFile WORK_MEMORY = SqlFile.of("merge/work_memory");
    private static final SqlFile FRESH_STATISTICS = SqlFile.of("merge/fresh_statistics");
    private static final SqlFile RUN_DAYS = SqlFile.of("merge/run_days");
    private static final SqlFile ACCOUNTING_ERRORS = SqlFile.of("merge/accounting_errors");
    private static final SqlFile VERSION_CHANGES = SqlFile.of("merge/version_changes");
    private static final List<Part> PARTS = List.of(
            new Part("visits", List.of(SubmissionKind.VISITS),
                    List.of(SqlFile.of("merge/winners", "visits", Map.of("kind", "visits", "rows", "core.visit_row",
                            "keys", "core.visit_key", "beaten", "core.visit_beaten", "id", "visit_id", "date", "visit_date",
                            "days", "visitDays",
                            "measures", "r.persons_reached, 0 as violations_found, 0 as violations_handled, r.target_type, r.target_code",
                            "changed_measures", "r.persons_reached, 0, 0")),
                    SqlFile.of("merge/first_visits"))),
            new Part("ledgers", List.of(SubmissionKind.DISPUTES, SubmissionKind.HAZARDS), List.of(SqlFile.of("merge/ledgers"))),
            new Part("inspections", List.of(SubmissionKind.INSPECTIONS),
                    List.of(SqlFile.of("merge/winners", "inspections", Map.of("kind", "inspections", "rows", "core.inspection_row",
                            "keys", "core.inspection_key", "beaten", "core.inspection_beaten", "id", "inspection_id",
                            "date", "inspection_date", "days", "inspectionDays",
                            "measures", "0 as persons_reached, r.violations_found, r.violations_handled",
                            "changed_measures", "0, r.violations_found, r.violations_handled")))));

    /** One part of the merge: the kinds whose versions it settles, then its own files. */
    private record Part(String name, List<SubmissionKind> kinds, List<SqlFile> merges) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final int sessions;

    MergeTasklet(DataSource dataSource, PlatformTransactionManager transactionManager, int sessions) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.sessions = Math.min(PARTS.size(), sessions);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
        long runId = RunParameters.runId(chunkContext.getStepContext().getStepExecution());
        // committed before the parts start: statistics written inside a transaction are seen by no other session
        ownTransaction.executeWithoutResult(status -> FRESH_STATISTICS.execute(jdbc, Map.of()));
        WORK_MEMORY.execute(jdbc, Map.of());
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
        mergeSideBySide(parameters);
        return RepeatStatus.FINISHED;
    }

    /**
     * The parts in their order, largest first, each on the next free thread; waits for all of
     * them, and fails naming each part that failed.
     */
    private void mergeSideBySide(Map<String, Object> parameters) throws InterruptedException {
        // on two sessions, visits (the largest part) keeps one; the ledgers, then the inspections, share the other
        ExecutorService threads = Executors.newFixedThreadPool(sessions, task -> new Thread(task, "merge"));
        try {
            List<Future<?>> merging = new ArrayList<>();
            for (Part part : PARTS) {
                merging.add(threads.submit(() -> {
                    Thread.currentThread().setName("merge-" + part.name());
                    ownTransaction.executeWithoutResult(status -> merge(part, parameters));
                }));
            }
            PipelineFailure failure = null;
            for (int i = 0; i < PARTS.size(); i++) {
                try {
                    merging.get(i).get();
                } catch (ExecutionException e) {
                    PipelineFailure partFailure = new PipelineFailure(
                            "the merge of " + PARTS.get(i).name() + " failed: " + PipelineFailure.describe(e.getCause()),
                            e.getCause());
                    if (failure == null) {
                        failure = partFailure;
                    } else {
                        failure.addSuppressed(partFailure);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            // JDBC does not stop a statement on an interrupt: a part already running runs to its
            // commit or rollback, and the step ends only after it, so that no part of this merge
            // is still at work once the step has failed (or a restart has begun)
            threads.shutdownNow();
            awaitUninterruptibly(threads);
        }
    }

    private static void awaitUninterruptibly(ExecutorService threads) {
        boolean interrupted = false;
        while (!threads.isTerminated()) {
            try {
                threads.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void merge(Part part, Map<String, Object> runParameters) {
        Map<String, Object> parameters = new HashMap<>(runParameters);
        parameters.put("kinds", part.kinds().stream().map(SubmissionKind::fileKind).toList());
        WORK_MEMORY.execute(jdbc, Map.of());
        Stream.concat(Stream.of(VERSION_CHANGES), part.merges().stream()).forEach(sql -> sql.execute(jdbc, parameters));
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
