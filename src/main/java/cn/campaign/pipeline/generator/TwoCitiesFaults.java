package cn.campaign.pipeline.generator;

import cn.campaign.pipeline.contract.Column;
import cn.campaign.pipeline.contract.SubmissionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * How the two cities' rows go wrong, each way one the pipeline must reject, and the change a
 * correction makes to a file that had nothing rejected.
 */
final class TwoCitiesFaults {

    /** The ways rows really go wrong. */
    enum Fault {
        EMPTY_REQUIRED, IMPOSSIBLE_DATE, UNKNOWN_CODE, BAD_CHECK_CHARACTER, OUT_OF_RANGE, MISSING_MECHANISM, MISSING_FIELD
    }

    private TwoCitiesFaults() {
    }

    /** The faults a row of the kind can have: the check character only of an enterprise, the mechanism only when resolved. */
    static List<Fault> possibleFaults(SubmissionKind kind, String[] row) {
        List<Fault> faults = new ArrayList<>(
                List.of(Fault.EMPTY_REQUIRED, Fault.IMPOSSIBLE_DATE, Fault.UNKNOWN_CODE, Fault.MISSING_FIELD));
        switch (kind) {
            case VISITS -> {
                faults.add(Fault.OUT_OF_RANGE);
                if ("enterprise".equals(row[kind.indexOf("target_type")])) {
                    faults.add(Fault.BAD_CHECK_CHARACTER);
                }
            }
            case DISPUTES -> {
                if ("resolved".equals(row[kind.indexOf("status")])) {
                    faults.add(Fault.MISSING_MECHANISM);
                }
            }
            case INSPECTIONS -> faults.add(Fault.OUT_OF_RANGE);
            case HAZARDS -> {
                // hazards carry no counts and no mechanism
            }
        }
        return faults;
    }

    /** The row with the fault in it; a missing field is cut when the record is written. */
    static String[] broken(SubmissionKind kind, String[] row, Fault fault, SplittableRandom random) {
        String[] broken = row.clone();
        switch (fault) {
            case EMPTY_REQUIRED -> broken[Draws.pick(random, columns(kind, Column::requiresValue))] = "";
            case IMPOSSIBLE_DATE -> {
                int column = Draws.pick(random, columns(kind, c -> c.rule() == Column.Rule.DATE));
                broken[column] = BrokenValues.impossibleDate(row[column]);
            }
            case UNKNOWN_CODE -> {
                int column = SubmissionRows.registryCodeColumn(kind);
                broken[column] = unknownCode(row[column], random);
            }
            case BAD_CHECK_CHARACTER -> {
                int column = SubmissionRows.registryCodeColumn(kind);
                broken[column] = BrokenValues.wrongCheckCharacter(row[column], random);
            }
            case OUT_OF_RANGE -> {
                if (kind == SubmissionKind.VISITS) {
                    broken[kind.indexOf("persons_reached")] = "600";
                } else {
                    int found = Integer.parseInt(row[kind.indexOf("violations_found")]);
                    broken[kind.indexOf("violations_handled")] = String.valueOf(found + 1);
                }
            }
            case MISSING_MECHANISM -> broken[kind.indexOf("mechanism")] = "";
            case MISSING_FIELD -> {
                // the record is cut short when written
            }
        }
        return broken;
    }

    /** A code of the right shape that the registry does not hold, as a typo or a stale list produces. */
    private static String unknownCode(String code, SplittableRandom random) {
        if (code.startsWith("V")) {
            return BrokenValues.unknownVenue(code);
        }
        if (code.length() == 18) {
            return BrokenValues.unregisteredCreditCode(code, random);
        }
        return BrokenValues.unknownCode(code);
    }

    /** The one row a correction without rejects changes. */
    static String[] amended(SubmissionKind kind, String[] row, SplittableRandom random) {
        String[] amended = row.clone();
        switch (kind) {
            case VISITS -> {
                int column = kind.indexOf("persons_reached");
                amended[column] = String.valueOf(Integer.parseInt(row[column]) + Draws.between(random, 1, 3));
            }
            case DISPUTES -> {
                int column = kind.indexOf("note");
                amended[column] = row[column].isEmpty() ? "补充：已回访当事人" : row[column] + "（已回访）";
            }
            case HAZARDS -> {
                int column = kind.indexOf("category");
                List<String> others = kind.column("category").values().stream().filter(c -> !c.equals(row[column])).toList();
                amended[column] = Draws.pick(random, others);
            }
            case INSPECTIONS -> {
                for (String column : List.of("violations_found", "violations_handled")) {
                    amended[kind.indexOf(column)] = String.valueOf(Integer.parseInt(row[kind.indexOf(column)]) + 1);
                }
            }
        }
        return amended;
    }

    private static List<Integer> columns(SubmissionKind kind, Predicate<Column> which) {
        return IntStream.range(0, kind.columns().size()).filter(i -> which.test(kind.columns().get(i))).boxed().toList();
    }
}
