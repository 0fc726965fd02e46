package cn.campaign.pipeline.report;

import static cn.campaign.pipeline.report.MetricColumn.DISPUTES_FOUND_CTD;
import static cn.campaign.pipeline.report.MetricColumn.DISPUTES_RESOLVED_CTD;
import static cn.campaign.pipeline.report.MetricColumn.DISPUTE_RESOLUTION_RATE;
import static cn.campaign.pipeline.report.MetricColumn.ENTERPRISE_COVERAGE;
import static cn.campaign.pipeline.report.MetricColumn.HAZARDS_FOUND_CTD;
import static cn.campaign.pipeline.report.MetricColumn.HAZARDS_RECTIFIED_CTD;
import static cn.campaign.pipeline.report.MetricColumn.HAZARD_RECTIFICATION_RATE;
import static cn.campaign.pipeline.report.MetricColumn.KEY_ENTERPRISES_TOTAL;
import static cn.campaign.pipeline.report.MetricColumn.KEY_ENTERPRISES_VISITED_CTD;
import static cn.campaign.pipeline.report.MetricColumn.PRECINCTS_EXPECTED;
import static cn.campaign.pipeline.report.MetricColumn.PRECINCTS_REPORTED_DAY;
import static cn.campaign.pipeline.report.MetricColumn.REPORTING_COVERAGE;
import static cn.campaign.pipeline.report.MetricColumn.UNITS_TOTAL;
import static cn.campaign.pipeline.report.MetricColumn.UNITS_VISITED_CTD;
import static cn.campaign.pipeline.report.MetricColumn.UNIT_COVERAGE;

/** The rates the report's headline and county table show, with the counts they are ratios of. */
enum Rate {
    RESOLUTION(DISPUTE_RESOLUTION_RATE, DISPUTES_RESOLVED_CTD, DISPUTES_FOUND_CTD),
    RECTIFICATION(HAZARD_RECTIFICATION_RATE, HAZARDS_RECTIFIED_CTD, HAZARDS_FOUND_CTD),
    UNITS(UNIT_COVERAGE, UNITS_VISITED_CTD, UNITS_TOTAL),
    ENTERPRISES(ENTERPRISE_COVERAGE, KEY_ENTERPRISES_VISITED_CTD, KEY_ENTERPRISES_TOTAL),
    REPORTING(REPORTING_COVERAGE, PRECINCTS_REPORTED_DAY, PRECINCTS_EXPECTED);

    private final MetricColumn rate;
    private final MetricColumn numerator;
    private final MetricColumn denominator;

    Rate(MetricColumn rate, MetricColumn numerator, MetricColumn denominator) {
        this.rate = rate;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    String column() {
        return rate.column();
    }

    String label() {
        return rate.label();
    }

    String numerator() {
        return numerator.column();
    }

    String denominator() {
        return denominator.column();
    }
}
