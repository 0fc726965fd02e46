package cn.campaign.pipeline.generator;

import cn.campaign.pipeline.contract.Column;
import cn.campaign.pipeline.contract.SubmissionKind;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rows of each kind as both settings build them: every value in its contract column,
 * placed by the column's name, in English with ISO dates ({@link SubmissionFileWriter}
 * spells them as a file's tool does). A column the contract adds and the generator does not
 * fill stops the generator at once rather than shifting the others.
 */
final class SubmissionRows {

    private static final int[] VISIT = slots(SubmissionKind.VISITS, "visit_id", "visit_date", "officer_id",
            "target_type", "target_code", "persons_reached", "issues_found", "note");
    private static final int[] DISPUTE = slots(SubmissionKind.DISPUTES, "case_id", "reported_date", "dispute_type",
            "unit_code", "status", "status_date", "mechanism", "escalated", "note");
    private static final int[] HAZARD = slots(SubmissionKind.HAZARDS, "hazard_id", "found_date", "category",
            "unit_code", "status", "status_date");
    private static final int[] INSPECTION = slots(SubmissionKind.INSPECTIONS, "inspection_id", "inspection_date",
            "venue_id", "violations_found", "violations_handled");
    private static final Set<Column.Rule> REGISTRY_CODES = EnumSet.of(Column.Rule.UNIT, Column.Rule.VENUE, Column.Rule.TARGET);

    private SubmissionRows() {
    }

    static String visitId(LocalDate day, int sequence, int width) {
        return Codes.rowId("ZF", day, sequence, width);
    }

    static String caseId(LocalDate day, int sequence, int width) {
        return Codes.rowId("JF", day, sequence, width);
    }

    static String hazardId(LocalDate day, int sequence, int width) {
        return Codes.rowId("YH", day, sequence, width);
    }

    static String inspectionId(LocalDate day, int sequence, int width) {
        return Codes.rowId("JC", day, sequence, width);
    }

    static String[] visit(String id, LocalDate date, String officer, String targetType, String target, int persons,
                          int issues, String note) {
        return place(VISIT, id, date.toString(), officer, targetType, target, String.valueOf(persons),
                String.valueOf(issues), note);
    }

    static String[] dispute(String caseId, LocalDate reported, String type, String unit, String status,
                            LocalDate statusDate, String mechanism, boolean escalated, String note) {
        return place(DISPUTE, caseId, reported.toString(), type, unit, status, statusDate.toString(), mechanism,
                String.valueOf(escalated), note);
    }

    static String[] hazard(String hazardId, LocalDate found, String category, String unit, String status,
                           LocalDate statusDate) {
        return place(HAZARD, hazardId, found.toString(), category, unit, status, statusDate.toString());
    }

    static String[] inspection(String id, LocalDate date, String venue, int found, int handled) {
        return place(INSPECTION, id, date.toString(), venue, String.valueOf(found), String.valueOf(handled));
    }

    /**
     * Rows of disputes and hazards are snapshots of a case or hazard: a broken row is written
     * beside the good one rather than instead of it, so that no change of state is lost to a reject.
     */
    static boolean isSnapshot(SubmissionKind kind) {
        return kind == SubmissionKind.DISPUTES || kind == SubmissionKind.HAZARDS;
    }

    /** The column that names a registry entry: a visit's target, a case's or hazard's unit, an inspection's venue. */
    static int registryCodeColumn(SubmissionKind kind) {
        for (int i = 0; i < kind.columns().size(); i++) {
            if (REGISTRY_CODES.contains(kind.columns().get(i).rule())) {
                return i;
            }
        }
        throw new IllegalArgumentException(kind.fileKind() + " names no registry code");
    }

    /** The first date column: a visit's or inspection's date, a case's report, a hazard's discovery. */
    static int firstDateColumn(SubmissionKind kind) {
        for (int i = 0; i < kind.columns().size(); i++) {
            if (kind.columns().get(i).rule() == Column.Rule.DATE) {
                return i;
            }
        }
        throw new IllegalArgumentException(kind.fileKind() + " has no date");
    }

    /** Where each named column sits in the kind's rows; every column must be named once. */
    private static int[] slots(SubmissionKind kind, String... columns) {
        int[] slots = Arrays.stream(columns).mapToInt(kind::indexOf).toArray();
        if (Arrays.stream(slots).distinct().count() != kind.columns().size() || slots.length != kind.columns().size()) {
            throw new IllegalStateException(kind.fileKind() + " has the columns " + kind.columnNames()
                    + ", the generator fills " + Arrays.toString(columns));
        }
        return slots;
    }

    private static String[] place(int[] slots, String... values) {
        String[] row = new String[slots.length];
        for (int i = 0; i < slots.length; i++) {
            row[slots[i]] = values[i];
        }
        return row;
    }
}
