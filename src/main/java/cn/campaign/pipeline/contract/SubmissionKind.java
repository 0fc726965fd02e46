package cn.campaign.pipeline.contract;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The four kinds of daily submission file and their columns, exactly as contract section 2
 * lists them, with the rules that tie two columns of a row together, the table their rows
 * are written to, and what makes two lines of one file the same (section 3): the key
 * column for visits and inspections, every value for case and hazard snapshots.
 */
public enum SubmissionKind {

    VISITS("visits", "core.visit_row", "visit_id", List.of(
            Column.text("visit_id", "走访编号"),
            Column.date("visit_date", "走访日期"),
            Column.officerId("officer_id", "警号"),
            Column.choice("target_type", "对象类型", choices(
                    "household", "住户", "village", "嘎查村", "community", "社区", "enterprise", "企业", "venue", "场所")),
            Column.target("target_code", "对象编码"),
            Column.count("persons_reached", "走访人次", 500),
            Column.count("issues_found", "发现问题数", 100),
            Column.note("note", "备注"))),

    DISPUTES("disputes", "core.dispute_snapshot", null, List.of(
            Column.text("case_id", "纠纷编号"),
            Column.date("reported_date", "排查日期"),
            Column.choice("dispute_type", "纠纷类型", choices(
                    "neighbour", "邻里", "noise", "噪音", "land", "土地草场", "rental", "租赁",
                    "labour", "劳资", "family", "家庭", "property", "物业", "other", "其他")),
            Column.unit("unit_code", "所在村社区"),
            Column.choice("status", "状态", choices(
                    "open", "未化解", "mediating", "调解中", "resolved", "已化解", "referred", "已移交")),
            Column.date("status_date", "状态日期"),
            Column.optionalChoice("mechanism", "化解方式", choices(
                    "police", null, "joint", null, "court_station", null, "volunteer", null, "other", null)),
            Column.choice("escalated", "民转刑", choices("true", "是", "false", "否")),
            Column.note("note", "备注"))),

    HAZARDS("hazards", "core.hazard_snapshot", null, List.of(
            Column.text("hazard_id", "隐患编号"),
            Column.date("found_date", "发现日期"),
            Column.choice("category", "隐患类别", choices(
                    "fire", null, "traffic", null, "production", null, "public_order", null, "other", null)),
            Column.unit("unit_code", "所在村社区"),
            Column.choice("status", "状态", choices("open", "未整改", "rectified", "已整改")),
            Column.date("status_date", "状态日期"))),

    INSPECTIONS("inspections", "core.inspection_row", "inspection_id", List.of(
            Column.text("inspection_id", "检查编号"),
            Column.date("inspection_date", "检查日期"),
            Column.venue("venue_id", "场所编号"),
            Column.count("violations_found", "发现违法行为", 50),
            Column.count("violations_handled", "查处违法行为", 50)));

    private final String fileKind;
    private final String rowTable;
    private final String keyColumn;
    private final List<Column> columns;

    SubmissionKind(String fileKind, String rowTable, String keyColumn, List<Column> columns) {
        this.fileKind = fileKind;
        this.rowTable = rowTable;
        this.keyColumn = keyColumn;
        this.columns = columns;
    }

    public static SubmissionKind of(String fileKind) {
        for (SubmissionKind kind : values()) {
            if (kind.fileKind.equals(fileKind)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind " + fileKind);
    }

    public String fileKind() {
        return fileKind;
    }

    /** The table the loaded rows of the version in use are written to. */
    public String rowTable() {
        return rowTable;
    }

    /**
     * What makes a later line of a file repeat an earlier one (contract section 3): the same
     * key (visits, inspections) or the same values throughout (case and hazard snapshots).
     */
    public String repeatKey(Object[] values) {
        if (keyColumn != null) {
            return (String) values[indexOf(keyColumn)];
        }
        StringBuilder key = new StringBuilder();
        for (Object value : values) {
            key.append(value).append('\u0000');
        }
        return key.toString();
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public Column column(String columnName) {
        return columns.get(indexOf(columnName));
    }

    public int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        throw new IllegalArgumentException(fileKind + " has no column " + columnName);
    }

    /**
     * The rules between two columns of one row, applied once each column passed its own:
     * a status date not before the start date (R03), a resolved dispute names its
     * mechanism (R09), no more violations handled than found (R04), a visit's target in the
     * registry under its type (R06; an enterprise code failing its check character, R07 too).
     */
    public void checkRow(Object[] values, String[] fields, RegistryCodes registry, Set<RejectCode> codes) {
        switch (this) {
            case DISPUTES -> {
                statusNotBeforeStart(values, "reported_date", codes);
                if ("resolved".equals(values[indexOf("status")]) && fields[indexOf("mechanism")].isEmpty()) {
                    codes.add(RejectCode.R09);
                }
            }
            case HAZARDS -> statusNotBeforeStart(values, "found_date", codes);
            case INSPECTIONS -> {
                Integer found = (Integer) values[indexOf("violations_found")];
                Integer handled = (Integer) values[indexOf("violations_handled")];
                if (found != null && handled != null && handled > found) {
                    codes.add(RejectCode.R04);
                }
            }
            case VISITS -> targetInRegistry((String) values[indexOf("target_type")],
                    (String) values[indexOf("target_code")], registry, codes);
        }
    }

    private static void targetInRegistry(String type, String code, RegistryCodes registry, Set<RejectCode> codes) {
        if (type == null || code == null) {
            return;
        }
        switch (type) {
            case "enterprise" -> {
                if (!registry.isEnterprise(code)) {
                    codes.add(RejectCode.R06);
                    if (!CreditCodes.isValid(code)) {
                        codes.add(RejectCode.R07);
                    }
                }
            }
            case "venue" -> {
                if (!registry.isVenue(code)) {
                    codes.add(RejectCode.R06);
                }
            }
            default -> {
                if (!registry.isUnit(code)) {
                    codes.add(RejectCode.R06);
                }
            }
        }
    }

    private void statusNotBeforeStart(Object[] values, String startColumn, Set<RejectCode> codes) {
        LocalDate start = (LocalDate) values[indexOf(startColumn)];
        LocalDate status = (LocalDate) values[indexOf("status_date")];
        if (start != null && status != null && status.isBefore(start)) {
            codes.add(RejectCode.R03);
        }
    }

    /**
     * English value → Chinese alias pairs (alias may be null); both spellings map to English.
     * The map keeps the contract's order, so {@link Column#values()} lists the values as the
     * contract does.
     */
    private static Map<String, String> choices(String... englishAndAlias) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < englishAndAlias.length; i += 2) {
            map.put(englishAndAlias[i], englishAndAlias[i]);
            if (englishAndAlias[i + 1] != null) {
                map.put(englishAndAlias[i + 1], englishAndAlias[i]);
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
