package cn.campaign.pipeline.merge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.WarehouseTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract section 4, across nights: of the rows sharing a visit or inspection key, the one
 * of the latest submission date (then the later line) is the one used, whichever night each
 * arrived in, and the metrics follow the winner.
 */
class WinningRowsTest extends WarehouseTest {

    private static final String P1 = "150802000001";
    private static final String VISITS = "visit_id,visit_date,officer_id,target_type,target_code,persons_reached,issues_found,note";
    private static final String INSPECTIONS = "inspection_id,inspection_date,venue_id,violations_found,violations_handled";
    private static final String DISPUTES = "case_id,reported_date,dispute_type,unit_code,status,status_date,mechanism,escalated,note";

    @Test
    void aLaterSubmissionArrivingOnALaterNightTakesTheKeyAndTheMetricsMoveWithIt() {
        // given V1 dated 3 February, won
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,3,0,");
        nightly();

        // when the 5 February file corrects its date
        inbox.utf8(P1 + "_20260205_visits.csv", VISITS, "V1,2026-02-05,100001,household,150802001001,5,0,");
        nightly();

        // then the later submission wins, and the visit counts on the 5th, not the 3rd
        assertThat(winners("V1")).containsExactly("2026-02-05 5");
        assertThat(rowsOf("V1")).isEqualTo(2);
        assertThat(precinctVisitsDay("2026-02-03")).isZero();
        assertThat(precinctVisitsDay("2026-02-05")).isEqualTo(1);
        assertThat(unitsVisitedCtd("2026-02-04")).isZero();
    }

    @Test
    void anEarlierSubmissionArrivingLateDoesNotTakeTheKey() {
        // given V1 of the 5 February file
        inbox.utf8(P1 + "_20260205_visits.csv", VISITS, "V1,2026-02-05,100001,household,150802001001,5,0,");
        nightly();

        // when the 3 February file arrives late with the same key
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,3,0,");
        nightly();

        // then the 5 February row still wins
        assertThat(winners("V1")).containsExactly("2026-02-05 5");
        assertThat(precinctVisitsDay("2026-02-03")).isZero();
    }

    @Test
    void whenAHigherVersionDropsTheWinningRowTheKeyGoesBackToTheBestRemainingRow() {
        // given V1 in three days' files, the 5th winning
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,3,0,");
        inbox.utf8(P1 + "_20260204_visits.csv", VISITS, "V1,2026-02-04,100001,household,150802001001,4,0,");
        inbox.utf8(P1 + "_20260205_visits.csv", VISITS, "V1,2026-02-05,100001,household,150802001001,5,0,");
        nightly();
        assertThat(winners("V1")).containsExactly("2026-02-05 5");

        // when version 2 of the 5th no longer holds V1
        inbox.utf8(P1 + "_20260205_visits_v2.csv", VISITS, "V2,2026-02-05,100001,household,150802001002,1,0,");
        nightly();

        // then the 4th's row wins again, and the metrics count V1 on the 4th
        assertThat(winners("V1")).containsExactly("2026-02-04 4");
        assertThat(rowsOf("V1")).isEqualTo(2);
        assertThat(precinctVisitsDay("2026-02-04")).isEqualTo(1);
        assertThat(precinctVisitsDay("2026-02-05")).isEqualTo(1);
    }

    @Test
    void inspectionsFollowTheSameRuleAcrossNights() {
        // given I1 on the 3rd and, a night later, on the 5th and 4th
        inbox.utf8(P1 + "_20260203_inspections.csv", INSPECTIONS, "I1,2026-02-03,V150802001001,1,1");
        nightly();
        inbox.utf8(P1 + "_20260205_inspections.csv", INSPECTIONS, "I1,2026-02-05,V150802001001,3,2");
        inbox.utf8(P1 + "_20260204_inspections.csv", INSPECTIONS, "I1,2026-02-04,V150802001001,2,2");
        nightly();
        assertThat(inspectionWinners()).containsExactly("2026-02-05 3");

        // when version 2 of the 5th drops it
        inbox.utf8(P1 + "_20260205_inspections_v2.csv", INSPECTIONS, "I2,2026-02-05,V150802001001,0,0");
        nightly();

        // then the 4th's row is used, once
        assertThat(inspectionWinners()).containsExactly("2026-02-04 2", "2026-02-05 0");
        assertThat(jdbc.queryForObject("select violations_found_ctd from mart.daily_org_metrics"
                + " where org_level = 'precinct' and org_code = ? and metric_date = '2026-02-05'", Long.class, P1))
                .isEqualTo(2);
    }

    @Test
    void correctionsOfSeveralFilesOnOneNightEachReplaceTheirRowsAndSnapshots() {
        // given two days' visits and case snapshots, each of its own file
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,3,0,");
        inbox.utf8(P1 + "_20260204_visits.csv", VISITS, "V2,2026-02-04,100001,household,150802001001,4,0,");
        inbox.utf8(P1 + "_20260205_visits.csv", VISITS, "V3,2026-02-05,100001,household,150802001001,5,0,");
        inbox.utf8(P1 + "_20260203_disputes.csv", DISPUTES, "C1,2026-02-03,noise,150802001001,open,2026-02-03,,false,");
        inbox.utf8(P1 + "_20260204_disputes.csv", DISPUTES, "C2,2026-02-04,noise,150802001001,open,2026-02-04,,false,");
        inbox.utf8(P1 + "_20260205_disputes.csv", DISPUTES, "C3,2026-02-05,noise,150802001001,open,2026-02-05,,false,");
        nightly();

        // when one night brings version 2 of the 3rd's and the 5th's files, which replace their rows
        inbox.utf8(P1 + "_20260203_visits_v2.csv", VISITS, "V4,2026-02-03,100001,household,150802001001,1,0,");
        inbox.utf8(P1 + "_20260205_visits_v2.csv", VISITS, "V5,2026-02-05,100001,household,150802001001,1,0,");
        inbox.utf8(P1 + "_20260203_disputes_v2.csv", DISPUTES, "C4,2026-02-03,noise,150802001001,open,2026-02-03,,false,");
        inbox.utf8(P1 + "_20260205_disputes_v2.csv", DISPUTES, "C5,2026-02-05,noise,150802001001,open,2026-02-05,,false,");
        nightly();

        // then the rows and snapshots of both replaced files are gone, the 4th's remain
        assertThat(rowsOf("V1") + rowsOf("V3")).isZero();
        assertThat(winners("V2")).containsExactly("2026-02-04 4");
        assertThat(jdbc.queryForList("select case_id from core.dispute_snapshot order by 1", String.class))
                .containsExactly("C2", "C4", "C5");
        assertThat(precinctMetric("disputes_found_ctd", "2026-02-05")).isEqualTo(3);
    }

    private List<String> winners(String visitId) {
        warehouse.assertDerivedTablesFollowTheRows();
        return jdbc.queryForList("select visit_date::text || ' ' || persons_reached from core.visit"
                + " where visit_id = ? order by 1", String.class, visitId);
    }

    private long rowsOf(String visitId) {
        return warehouse.count("select count(*) from core.visit_row where visit_id = ?", visitId);
    }

    private List<String> inspectionWinners() {
        warehouse.assertDerivedTablesFollowTheRows();
        return jdbc.queryForList("select inspection_date::text || ' ' || violations_found from core.inspection"
                + " order by 1", String.class);
    }

    private long precinctVisitsDay(String date) {
        return precinctMetric("visits_day", date);
    }

    private long unitsVisitedCtd(String date) {
        return precinctMetric("units_visited_ctd", date);
    }

    private long precinctMetric(String column, String date) {
        Map<String, Object> row = jdbc.queryForMap("select " + column + " as value from mart.daily_org_metrics"
                + " where org_level = 'precinct' and org_code = ? and metric_date = ?::date", P1, date);
        return ((Number) row.get("value")).longValue();
    }
}
