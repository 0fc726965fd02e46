package cn.campaign.pipeline.merge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.WarehouseTest;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The merge reads tonight's rows through the day partitions of the days the run read files
 * of, never every partition of the history: the days must reach the planner as constants.
 */
class TonightsDayPartitionsTest extends WarehouseTest {

    /** The merge's first statement, which counts tonight's rows in the row tables. */
    private static final String ACCOUNTING_CHECK = "explain (costs off) " + SqlFile.of("merge/accounting_errors").query();

    @Test
    void tonightsDaysAsTheMergePassesThemLeaveEveryOtherDayPartitionUnread() {
        // given the visit partitions of a day of history and of tonight's day
        jdbc.queryForList("select core.add_day_partitions('{2026-02-03,2026-02-04}'::date[])");

        // when the accounting check is planned with tonight's day as the merge passes it
        String plan = plan(MergeTasklet.untypedLiteral("{2026-02-04}"));

        // then only tonight's partition is read
        assertThat(plan).contains("visit_row_20260204").doesNotContain("visit_row_20260203");
        // (sent as text, the same days are cast while the query runs, and the history is read too)
        assertThat(plan("{2026-02-04}")).contains("visit_row_20260203");
    }

    private String plan(Object days) {
        return String.join("\n", new NamedParameterJdbcTemplate(jdbc).queryForList(ACCOUNTING_CHECK,
                Map.of("runId", 1L, "visitDays", days, "inspectionDays", days), String.class));
    }
}
