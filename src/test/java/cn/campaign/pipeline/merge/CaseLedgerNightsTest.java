package cn.campaign.pipeline.merge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.WarehouseTest;
import org.junit.jupiter.api.Test;

/**
 * Contract section 4, a case followed night by night: each night brings its next snapshot,
 * whose events follow from the case's state alone, and the counts are those of its status.
 */
class CaseLedgerNightsTest extends WarehouseTest {

    private static final String P1 = "150802000001";
    private static final String DISPUTES = "case_id,reported_date,dispute_type,unit_code,status,status_date,mechanism,escalated,note";

    @Test
    void aCaseResolvedThenReportedResolvedAgainThenReferredCountsOnceInEachStatus() {
        // given a case opened on 1 February
        night("20260201", "C1,2026-02-01,noise,150802001001,open,2026-02-01,,false,");
        assertThat(counts("2026-02-01")).isEqualTo("found 1, resolved 0, referred 0");

        // when it is resolved on the 2nd, reported resolved again on the 3rd, then referred on the 4th
        night("20260202", "C1,2026-02-01,noise,150802001001,resolved,2026-02-02,joint,false,");
        night("20260203", "C1,2026-02-01,noise,150802001001,resolved,2026-02-02,joint,false,");
        night("20260204", "C1,2026-02-01,noise,150802001001,referred,2026-02-04,,false,");

        // then it is resolved once on the 2nd and 3rd, and referred, not resolved, on the 4th
        assertThat(counts("2026-02-02")).isEqualTo("found 1, resolved 1, referred 0");
        assertThat(counts("2026-02-03")).isEqualTo("found 1, resolved 1, referred 0");
        assertThat(counts("2026-02-04")).isEqualTo("found 1, resolved 0, referred 1");
        // and its events are where its status changed: found, resolved, resolved no more and referred
        assertThat(warehouse.count("select count(*) from core.ledger_event where item_id = 'C1'")).isEqualTo(3);
    }

    @Test
    void aLaterSnapshotThatTakesBackAStatusOnTheSameDayLeavesNoEventOnThatDay() {
        // given a case opened on 1 February and reported resolved on the 2nd
        night("20260201", "C1,2026-02-01,noise,150802001001,open,2026-02-01,,false,");
        night("20260202", "C1,2026-02-01,noise,150802001001,resolved,2026-02-02,joint,false,");
        assertThat(counts("2026-02-02")).isEqualTo("found 1, resolved 1, referred 0");

        // when the next day's report says it was still open on the 2nd
        night("20260203", "C1,2026-02-01,noise,150802001001,open,2026-02-02,,false,");

        // then it was not resolved on the 2nd, and its one event is its finding
        assertThat(counts("2026-02-02")).isEqualTo("found 1, resolved 0, referred 0");
        assertThat(warehouse.count("select count(*) from core.ledger_event where item_id = 'C1'")).isEqualTo(1);
    }

    private void night(String day, String snapshot) {
        inbox.utf8(P1 + "_" + day + "_disputes.csv", DISPUTES, snapshot);
        nightly();
        warehouse.assertDerivedTablesFollowTheRows();
    }

    private String counts(String day) {
        return jdbc.queryForObject("""
                select 'found ' || disputes_found_ctd || ', resolved ' || disputes_resolved_ctd
                       || ', referred ' || disputes_referred_ctd
                from mart.daily_org_metrics where org_level = 'precinct' and org_code = ? and metric_date = ?::date""",
                String.class, P1, day);
    }
}
