package cn.campaign.pipeline.metrics;

import cn.campaign.pipeline.warehouse.SqlFile;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * the latest submission date ({@code sql/metrics/}), in one transaction, each part of a day's
 * counts (visits, inspections, ledgers, reporting) from the first day its own inputs changed.
 * The merge marks the dirty days; a new registry or campaign start recomputes every day.
 */
class MetricsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MetricsTasklet.class);
    private static final SqlFile RANGE = SqlFile.of("metrics/metrics_range");
    private static final SqlFile PRECINCT_DAILY = SqlFile.of("metrics/precinct_daily");
    private static final SqlFile DAILY_ORG_METRICS = SqlFile.of("metrics/daily_org_metrics");
    private static final SqlFile DONE = SqlFile.of("metrics/metrics_done");
    /** The parts of a day's counts with inputs of their own (sql/metrics/precinct_daily.sql). */
    private static final List<String> PARTS = List.of("visits", "inspections", "ledgers", "reporting");

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
        LocalDate computedThrough = localDate(range.get("computed_through"));
        // days never computed are computed for every part
        LocalDate firstNew = computedThrough == null ? campaignStart : computedThrough.plusDays(1);
        boolean recomputeAll = Boolean.TRUE.equals(range.get("recompute_all"));
        Map<String, LocalDate> partFrom = new LinkedHashMap<>();
        for (String part : PARTS) {
            LocalDate since = recomputeAll ? campaignStart : localDate(range.get(part + "_since"));
            LocalDate from = since == null || since.isAfter(firstNew) ? firstNew : since;
            partFrom.put(part, from.isBefore(campaignStart) ? campaignStart : from);
        }
        LocalDate from = Collections.min(partFrom.values());
        if (lastDay != null && !from.isAfter(lastDay)) {
            parameters.put("fromDate", Date.valueOf(from));
            parameters.put("toDate", Date.valueOf(lastDay));
            partFrom.forEach((part, day) -> parameters.put(part + "From",
                    Date.valueOf(day.isAfter(lastDay) ? lastDay.plusDays(1) : day)));
            PRECINCT_DAILY.execute(jdbc, parameters);
            DAILY_ORG_METRICS.execute(jdbc, parameters);
            contribution.incrementWriteCount(ChronoUnit.DAYS.between(from, lastDay) + 1);
            log.info("metrics computed for {}..{}, by part from {}", from, lastDay, partFrom);
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
