package cn.campaign.pipeline.metrics;

import static cn.campaign.pipeline.metrics.ThreeDaysOfSubmissions.P1;
import static cn.campaign.pipeline.metrics.ThreeDaysOfSubmissions.VISITS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.WarehouseTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The metrics stage counts the days it computed over ranges of a month or more: the count
 * is days between the dates, not the day-of-month part of a period.
 */
class MetricsDaysTest extends WarehouseTest {

    @Test
    void theMetricsStageCountsEveryDayOfARangeLongerThanAMonth() {
        // given a first file two months after the campaign start (2026-01-15)
        inbox.utf8(P1 + "_20260320_visits.csv", VISITS, "V1,2026-03-20,100001,household,150802001001,3,0,");

        // when the night runs
        String console = night();

        // then every day from 2026-01-15 to 2026-03-20 was computed: 17 in January, 28 in February, 20 in March
        assertThat(console).contains("[metrics] 65 day(s) computed, ");
        assertThat(jdbc.queryForObject("select count(distinct metric_date) from mart.daily_org_metrics", Long.class))
                .isEqualTo(65);

        // and given a late file for 2026-02-10, when the next night runs
        inbox.utf8(P1 + "_20260210_visits.csv", VISITS, "V2,2026-02-10,100001,household,150802001002,2,0,");
        String late = night();

        // then the days from 2026-02-10 to 2026-03-20 were recomputed: 19 in February, 20 in March
        assertThat(late).contains("[metrics] 39 day(s) computed, ");
    }

    @Test
    void aFirstNightWithNothingActiveDoesNotLeaveTheCampaignsFirstDaysWithoutMetrics() {
        // given a first night whose only file is quarantined (F02: an inactive precinct), so no day has metrics
        inbox.utf8("150821000002_20260201_visits.csv", VISITS, "V1,2026-02-01,100001,household,150821100202,1,0,");
        assertThat(night()).doesNotContain("[metrics] 1");
        assertThat(jdbc.queryForObject("select count(*) from mart.daily_org_metrics", Long.class)).isZero();

        // when a file of 2026-02-03 arrives the next night
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,3,0,");
        String console = night();

        // then every day from the campaign start has metrics, as if the files had come together
        assertThat(console).contains("[metrics] 20 day(s) computed, ");
        assertThat(jdbc.queryForObject("select min(metric_date)::text || ' ' || count(distinct metric_date) "
                + "from mart.daily_org_metrics", String.class)).isEqualTo("2026-01-15 20");
    }

    private String night() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ingest.nightly(inbox.dir(), new PrintStream(console, true, StandardCharsets.UTF_8));
        return console.toString(StandardCharsets.UTF_8);
    }
}
