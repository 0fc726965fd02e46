package cn.campaign.pipeline.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code jobs/export}: the metrics of one level over a date range; {@code out} is null for
 * the default file under var/exports.
 */
public record ExportRequest(LocalDate from, LocalDate to, String level, Path out) {

    /** The levels of mart.daily_org_metrics (contract section 5). */
    public static final List<String> LEVELS = List.of("precinct", "county", "city", "region");
    public static final String DEFAULT_LEVEL = "county";

    /** {@code metrics_<level>_<from>_<to>.csv}. */
    String defaultFileName() {
        return "metrics_" + level + "_" + from + "_" + to + ".csv";
    }
}
