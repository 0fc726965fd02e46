package cn.campaign.pipeline.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * The columns of {@code mart.daily_org_metrics} (contract section 5) with the Chinese and
 * English names people read: the one place for the labels of the HTML report and the export.
 */
public enum MetricColumn {
    METRIC_DATE("日期", "date"),
    ORG_LEVEL("层级", "level"),
    ORG_CODE("单位代码", "code"),
    ORG_NAME("单位名称", "name"),
    VISITS_DAY("当日走访数", "visits on the day"),
    VISITS_CTD("累计走访数", "visits to date"),
    PERSONS_REACHED_DAY("当日走访人次", "persons reached on the day"),
    PERSONS_REACHED_CTD("累计走访人次", "persons reached to date"),
    UNITS_TOTAL("村社区总数", "villages and communities"),
    UNITS_VISITED_CTD("已走访村社区数", "villages and communities visited"),
    UNIT_COVERAGE("村社区走访覆盖率", "unit coverage"),
    KEY_ENTERPRISES_TOTAL("重点企业总数", "key enterprises"),
    KEY_ENTERPRISES_VISITED_CTD("已走访重点企业数", "key enterprises visited"),
    ENTERPRISE_COVERAGE("重点企业走访覆盖率", "enterprise coverage"),
    DISPUTES_FOUND_CTD("排查纠纷数", "disputes found"),
    DISPUTES_RESOLVED_CTD("已化解纠纷数", "disputes resolved"),
    DISPUTES_REFERRED_CTD("已移交纠纷数", "disputes referred"),
    DISPUTE_RESOLUTION_RATE("化解率", "resolution rate"),
    DISPUTES_ESCALATED_CTD("民转刑数", "disputes escalated"),
    HAZARDS_FOUND_CTD("发现隐患数", "hazards found"),
    HAZARDS_RECTIFIED_CTD("已整改隐患数", "hazards rectified"),
    HAZARD_RECTIFICATION_RATE("整改率", "rectification rate"),
    INSPECTIONS_CTD("场所检查数", "inspections"),
    VIOLATIONS_FOUND_CTD("发现违法行为数", "violations found"),
    VIOLATIONS_HANDLED_CTD("查处违法行为数", "violations handled"),
    PRECINCTS_EXPECTED("应报派出所数", "precincts expected"),
    PRECINCTS_REPORTED_DAY("当日上报派出所数", "precincts reported"),
    REPORTING_COVERAGE("上报率", "reporting coverage");

    private final String chinese;
    private final String english;

    MetricColumn(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** The column's name in the table, e.g. {@code dispute_resolution_rate}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For people: {@code 化解率 resolution rate}. */
    public String label() {
        return chinese + " " + english;
    }

    /** For a spreadsheet, naming the column: {@code 化解率 dispute_resolution_rate}. */
    public String header() {
        return chinese + " " + column();
    }

    public static MetricColumn of(String column) {
        return Arrays.stream(values()).filter(c -> c.column().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a column of mart.daily_org_metrics: " + column));
    }
}
