package cn.campaign.pipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.WarehouseTest;
import cn.campaign.pipeline.ingest.IngestRuns;
import cn.campaign.pipeline.ingest.RunParameters;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The metrics step alone (Spring Batch Test), on what the merge leaves: winners counted per
 * precinct and day, ledger events, active files, and the days marked changed per part.
 */
class MetricsStepTest extends WarehouseTest {

    private static final String P1 = "150802000001";

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;
    @Autowired
    @Qualifier("metricsStep")
    private Step metricsStep;
    @Autowired
    private IngestRuns runs;
    private long runId;

    @BeforeEach
    void twoDaysMerged() {
        // P1 reported on 1 and 2 February: two visits (5 persons) on the 1st, one (4) on the 2nd;
        // case C1 found on the 1st and resolved on the 2nd; every part changed from the campaign start
        runId = runs.start("nightly", inbox.dir().toString());
        for (String day : new String[] {"2026-02-01", "2026-02-02"}) {
            jdbc.update("""
                    insert into ingest.file (run_id, file_name, sha256, size_bytes, modified_at, precinct_code,
                                             submission_date, kind, version, state, active)
                    values (?, ?, md5(?), 10, now(), ?, ?::date, 'visits', 1, 'read', true)""",
                    runId, P1 + "_" + day + "_visits.csv", day, P1, day);
        }
        jdbc.update("insert into core.winners_per_day values ('visits', ?, '2026-02-01', 2, 5, 0, 0),"
                + " ('visits', ?, '2026-02-02', 1, 4, 0, 0)", P1, P1);
        jdbc.update("insert into core.ledger_per_day values ('dispute', ?, '2026-02-01', 1, 0, 0, 0),"
                + " ('dispute', ?, '2026-02-02', 0, 1, 0, 0)", P1, P1);
        jdbc.update("insert into mart.dirty (since, component) values ('2026-01-15', 'all')");
    }

    @Test
    void theDaysFromTheCampaignStartToTheLastReportedDayAreComputedFromWhatTheMergeLeft() {
        // when only the metrics step runs
        assertThat(computeMetrics()).isEqualTo(BatchStatus.COMPLETED);

        // then every day from the campaign start has its row, and the last one counts both days
        assertThat(warehouse.count("select count(distinct metric_date) from mart.daily_org_metrics")).isEqualTo(19);
        assertThat(precinctDay("2026-02-02")).containsEntry("visits_day", 1L).containsEntry("visits_ctd", 3L)
                .containsEntry("persons_reached_ctd", 9L).containsEntry("disputes_found_ctd", 1L)
                .containsEntry("disputes_resolved_ctd", 1L).containsEntry("precincts_reported_day", 1L);
        assertThat(warehouse.count("select count(*) from mart.dirty")).isZero();
    }

    @Test
    void aPartIsRecomputedOnlyFromTheFirstDayItsOwnInputsChanged() {
        // given the two days computed
        computeMetrics();
        // when a case found on the 1st arrives, marked as a change of the ledgers — and the visit
        // counts of the 1st change without being marked (they must then be left as computed)
        jdbc.update("update core.ledger_per_day set found_delta = 2 where event_date = '2026-02-01'");
        jdbc.update("insert into mart.dirty (since, component) values ('2026-02-01', 'ledgers')");
        jdbc.update("update core.winners_per_day set winners = 3 where day = '2026-02-01'");
        computeMetrics();

        // then the ledger counts of both days move, the visit counts stand as they were
        assertThat(precinctDay("2026-02-02")).containsEntry("disputes_found_ctd", 2L).containsEntry("visits_ctd", 3L);

        // and when the visits are marked as changed from the 1st, they are recomputed too
        jdbc.update("insert into mart.dirty (since, component) values ('2026-02-01', 'visits')");
        computeMetrics();
        assertThat(precinctDay("2026-02-02")).containsEntry("disputes_found_ctd", 2L).containsEntry("visits_ctd", 4L);
    }

    private BatchStatus computeMetrics() {
        return jobOperatorTestUtils.startStep(metricsStep,
                new JobParametersBuilder().addLong(RunParameters.RUN_ID, runId).addString("at", String.valueOf(System.nanoTime()))
                        .toJobParameters(), new ExecutionContext()).getStatus();
    }

    private Map<String, Object> precinctDay(String day) {
        return jdbc.queryForMap("select * from mart.daily_org_metrics where org_level = 'precinct' and org_code = ?"
                + " and metric_date = ?::date", P1, day);
    }
}
