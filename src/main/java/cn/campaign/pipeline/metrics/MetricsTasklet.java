package cn.campaign.pipeline.metrics;

import cn.campaign.pipeline.warehouse.SqlFile;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Recomputes the metrics of the days whose inputs changed, from the earliest such day to
 * the latest submission date ({@code sql/metrics/}), in one transaction. The merge marks
 * the dirty days; a new registry or campaign start recomputes every day.
 */
class MetricsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MetricsTasklet.class);
    private static final SqlFile RANGE = SqlFile.of("metrics/metrics_range");
    private static final SqlFile PRECINCT_DAILY = SqlFile.of("metrics/precinct_daily");
    private static final SqlFile DAILY_ORG_METRICS = SqlFile.of("metrics/daily_org_metrics");
    private static final SqlFile DONE = SqlFile.of("metrics/metrics_done");

    private final NamedParameterJdbcTemplate jdbc;
    private final LocalDate campaignStart;

    MetricsTasklet(DataSource dataSource, LocalDate campaignStart) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.campaignStart = campaignStart;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("campaignStart", Date.valueOf(campaignStart));
        Map<String, Object> range = jdbc.queryForMap(RANGE.query(), parameters);
        LocalDate lastDay = localDate(range.get("last_day"));
        LocalDate from = Boolean.TRUE.equals(range.get("recompute_all")) ? campaignStart : localDate(range.get("dirty_since"));
        // days never computed are always included: from the day after the last computed one, or
        // from the campaign start when none was (even if an earlier night, with nothing active,
        // already recorded what the mart is computed with)
        LocalDate computedThrough = localDate(range.get("computed_through"));
        LocalDate firstNeverComputed = computedThrough == null ? campaignStart : computedThrough.plusDays(1);
        if (from == null || from.isAfter(firstNeverComputed)) {
            from = firstNeverComputed;
        }
        if (from != null && from.isBefore(campaignStart)) {
            from = campaignStart;
        }
        if (lastDay != null && from != null && !from.isAfter(lastDay)) {
            parameters.put("fromDate", Date.valueOf(from));
            parameters.put("toDate", Date.valueOf(lastDay));
            PRECINCT_DAILY.execute(jdbc, parameters);
            DAILY_ORG_METRICS.execute(jdbc, parameters);
            contribution.incrementWriteCount(ChronoUnit.DAYS.between(from, lastDay) + 1);
            log.info("metrics computed for {}..{}", from, lastDay);
        }
        // no active file at all: no day has metrics
        parameters.put("lastDay", Date.valueOf(lastDay == null ? campaignStart.minusDays(1) : lastDay));
        DONE.execute(jdbc, parameters);
        return RepeatStatus.FINISHED;
    }

    private static LocalDate localDate(Object value) {
        return value == null ? null : ((Date) value).toLocalDate();
    }
}
