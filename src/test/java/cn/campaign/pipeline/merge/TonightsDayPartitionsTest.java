package cn.campaign.pipeline.merge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.WarehouseTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The merge reads tonight's rows through the day partitions of the days the run read files
 * of, never every partition of the history: the days must reach the planner as constants.
 */
class TonightsDayPartitionsTest extends WarehouseTest {

    private static final String TONIGHTS_VISITS =
            "explain (costs off) select count(*) from core.visit_row r where r.submission_date = any (cast(:days as date[]))";

    @Test
    void tonightsDaysAsTheMergePassesThemLeaveEveryOtherDayPartitionUnread() {
        // given the visit partitions of a day of history and of tonight's day
        jdbc.queryForList("select core.add_day_partitions('{2026-02-03,2026-02-04}'::date[])");

        // when the merge's filter on tonight's rows is planned with tonight's day as the merge passes it
        String plan = plan(MergeTasklet.untypedLiteral("{2026-02-04}"));

        // then only tonight's partition is read
        assertThat(plan).contains("visit_row_20260204").doesNotContain("visit_row_20260203");
        // (sent as text, the same days are cast while the query runs, and the history is read too)
        assertThat(plan("{2026-02-04}")).contains("visit_row_20260203");
    }

    private String plan(Object days) {
        return String.join("\n", new NamedParameterJdbcTemplate(jdbc).queryForList(TONIGHTS_VISITS, Map.of("days", days),
                String.class));
    }
}
