package cn.campaign.pipeline.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.campaign.pipeline.WarehouseTest;
import cn.campaign.pipeline.ingest.IngestRuns;
import cn.campaign.pipeline.ingest.RunParameters;
import cn.campaign.pipeline.metrics.ThreeDaysOfSubmissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The merge step alone (Spring Batch Test), on rows as the readers leave them: written to the
 * row tables, their files read but not yet in use; and its parts, each kind's in its own
 * transaction, failing one at a time.
 */
class MergeStepTest extends WarehouseTest {

    private static final String P1 = "150802000001";
    private static final String VISITS = "visit_id,visit_date,officer_id,target_type,target_code,persons_reached,issues_found,note";

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;
    @Autowired
    @Qualifier("mergeStep")
    private Step mergeStep;
    @Autowired
    private IngestRuns runs;

    @Test
    void aRowOfALaterSubmissionTakesItsKeyAndTheCountsMoveWithIt() {
        // given V1 of 3 February, merged by a whole night
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,3,0,");
        nightly();
        // and the row a reader wrote tonight for the 5 February file, which holds V1 again
        long runId = runs.start("nightly", inbox.dir().toString());
        long fileId = readFile(runId, P1 + "_20260205_visits.csv", "2026-02-05", 1, 1, 0, 0);
        writeVisitRowOf5February(fileId);

        // when only the merge step runs
        JobExecution execution = merge(runId).execution();

        // then the file is in use, V1 is won by its 5 February row, and the counts per day moved
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("select active from ingest.file where file_id = ?", Boolean.class, fileId)).isTrue();
        assertThat(jdbc.queryForMap("select visit_date::text as day, persons_reached from core.visit where visit_id = 'V1'"))
                .containsEntry("day", "2026-02-05").containsEntry("persons_reached", 7);
        assertThat(jdbc.queryForList("select day::text || ' ' || winners || ' ' || persons_reached "
                + "from core.winners_per_day where kind = 'visits' order by day", String.class))
                .containsExactly("2026-02-03 0 0", "2026-02-05 1 7");
        warehouse.assertDerivedTablesFollowTheRows();
        // and the metrics will be recomputed from the day the winner left
        assertThat(jdbc.queryForObject("select min(since)::text from mart.dirty where component = 'visits'", String.class))
                .isEqualTo("2026-02-03");
    }

    @Test
    void aNightWhoseRowsDoNotMatchItsAccountingIsRefusedAndNothingBecomesActive() {
        // given a file whose reader counted two loaded rows but wrote one
        long runId = runs.start("nightly", inbox.dir().toString());
        long fileId = readFile(runId, P1 + "_20260205_visits.csv", "2026-02-05", 2, 2, 0, 0);
        writeVisitRowOf5February(fileId);

        // when only the merge step runs
        JobExecution execution = merge(runId).execution();

        // then it fails naming the file and its counts, and nothing is in use
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions()).singleElement().extracting(Throwable::getMessage).asString()
                .contains(P1 + "_20260205_visits.csv: rows_read 2, loaded 2 + duplicate 0 + rejected 0; 1 rows and 0 rejects");
        assertThat(warehouse.count("select count(*) from ingest.file where active")).isZero();
        assertThat(warehouse.count("select count(*) from core.visit_key")).isZero();
    }

    @Test
    void aPartOfTheMergeThatFailsRollsBackAloneAndTheNextRunFinishesItAsIfNothingHadFailed() {
        // given three days of files of every kind, and what one undisturbed night makes of them
        ThreeDaysOfSubmissions.writeTo(inbox);
        nightly();
        Map<String, List<String>> undisturbed = mergedState();
        // and the same files in an emptied warehouse whose visit keys refuse every new key
        warehouse.reset(registry, jobRepositoryTestUtils);
        jdbc.execute("""
                create function pg_temp.refuse_visit_key() returns trigger language plpgsql as
                $$ begin raise exception 'visit keys refused by the test'; end $$""");
        jdbc.execute("create trigger refuse before insert on core.visit_key for each row execute function pg_temp.refuse_visit_key()");

        // when the night runs, it fails in the merge of visits
        try {
            assertThatThrownBy(this::nightly).hasMessageContaining("the merge of visits failed")
                    .hasMessageContaining("visit keys refused by the test");
            // then the parts of the other kinds committed, each in its own transaction, and no visit file is in use
            assertThat(jdbc.queryForList("select distinct kind from ingest.file where active order by 1", String.class))
                    .containsExactly("disputes", "hazards", "inspections");
            assertThat(warehouse.count("select count(*) from core.visit_key")).isZero();
        } finally {
            jdbc.execute("drop trigger refuse on core.visit_key");
        }

        // when the next night runs: it finishes the failed run first
        nightly();

        // then the warehouse holds what the undisturbed night made, the parts merged once each
        assertThat(mergedState()).isEqualTo(undisturbed);
        warehouse.assertDerivedTablesFollowTheRows();
    }

    @Test
    void aMergeInterruptedWhileAPartRunsEndsOnlyOnceThatPartHasFinished() throws Exception {
        // given tonight's row of 5 February, and visit keys that take three seconds to claim
        long runId = runs.start("nightly", inbox.dir().toString());
        writeVisitRowOf5February(readFile(runId, P1 + "_20260205_visits.csv", "2026-02-05", 1, 1, 0, 0));
        jdbc.execute("""
                create function pg_temp.slow_visit_keys() returns trigger language plpgsql as
                $$ begin perform pg_sleep(3); return null; end $$""");
        jdbc.execute("create trigger slow before insert on core.visit_key for each statement "
                + "execute function pg_temp.slow_visit_keys()");
        try {
            // when the merge's thread is interrupted while the visits part sleeps in its claims
            Thread merging = new Thread(() -> merge(runId));
            merging.start();
            while (warehouse.count("select count(*) from pg_stat_activity where wait_event = 'PgSleep'") == 0) {
                Thread.sleep(50);
            }
            merging.interrupt();
            merging.join();

            // then, once the step has ended, no part of it is still running in the database
            assertThat(warehouse.count("select count(*) from pg_stat_activity where wait_event = 'PgSleep'")).isZero();
        } finally {
            jdbc.execute("drop trigger slow on core.visit_key");
        }
    }

    /** What the merge and the metrics make of the rows, without the file and run ids that differ between warehouses. */
    private Map<String, List<String>> mergedState() {
        Map<String, List<String>> state = new LinkedHashMap<>();
        for (String table : List.of("core.winners_per_day", "core.ledger_item", "core.ledger_event", "core.ledger_per_day",
                "core.target_first_visit", "mart.precinct_daily", "mart.daily_org_metrics")) {
            state.put(table, jdbc.queryForList("select t::text from " + table + " t order by 1", String.class));
        }
        state.put("keys", jdbc.queryForList("""
                select concat_ws(' ', 'visit', precinct_code, visit_id, submission_date, line_no) from core.visit_key
                union all
                select concat_ws(' ', 'inspection', precinct_code, inspection_id, submission_date, line_no) from core.inspection_key
                order by 1""", String.class));
        state.put("files in use", jdbc.queryForList("select file_name from ingest.file where active order by 1", String.class));
        return state;
    }

    /** What a reader writes for line 2 of the file: V1 of 5 February, 7 persons reached. */
    private void writeVisitRowOf5February(long fileId) {
        jdbc.execute("select core.add_day_partitions(array['2026-02-05'::date])");
        jdbc.update("""
                insert into core.visit_row (file_id, line_no, precinct_code, submission_date, visit_id, visit_date, officer_id,
                                            target_type, target_code, persons_reached, issues_found)
                values (?, 2, ?, '2026-02-05', 'V1', '2026-02-05', '100001', 'household', '150802001001', 7, 0)""",
                fileId, P1);
    }

    /** The step's execution (not returned as such: Spring Batch Test takes such a method for a job-scope factory). */
    private Merged merge(long runId) {
        return new Merged(jobOperatorTestUtils.startStep(mergeStep,
                new JobParametersBuilder().addLong(RunParameters.RUN_ID, runId).toJobParameters(), new ExecutionContext()));
    }

    private record Merged(JobExecution execution) {
    }

    /** A file of this run as a reader leaves it: read, its rows counted, not yet in use. */
    private long readFile(long runId, String name, String date, int read, int loaded, int duplicate, int rejected) {
        return jdbc.queryForObject("""
                insert into ingest.file (run_id, file_name, sha256, size_bytes, modified_at, precinct_code, submission_date,
                                         kind, version, state, rows_read, rows_loaded, rows_duplicate, rows_rejected)
                values (?, ?, md5(?), 100, now(), ?, ?::date, 'visits', 1, 'read', ?, ?, ?, ?)
                returning file_id""", Long.class, runId, name, name, P1, date, read, loaded, duplicate, rejected);
    }
}
