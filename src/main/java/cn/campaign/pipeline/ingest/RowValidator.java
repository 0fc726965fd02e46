package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.contract.Column;
import cn.campaign.pipeline.contract.PersonalData;
import cn.campaign.pipeline.contract.RejectCode;
import cn.campaign.pipeline.contract.SubmissionDates;
import cn.campaign.pipeline.contract.SubmissionKind;
import cn.campaign.pipeline.csv.CsvRecord;
import cn.campaign.pipeline.contract.RegistryCodes;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Checks one record of a submission file against every rule of contract sections 2 and 3,
 * R01 to R09, the registry's included (R06, R07, against the registry held in memory). A
 * row can carry several codes; a row with the wrong number of fields gets R08 alone; an
 * empty field gets R01 alone.
 */
public final class RowValidator {

    private final SubmissionKind kind;
    private final HeaderMap header;
    private final LocalDate campaignStart;
    private final LocalDate submissionDate;
    private final RegistryCodes registry;

    public RowValidator(SubmissionKind kind, HeaderMap header, LocalDate campaignStart, LocalDate submissionDate,
                        RegistryCodes registry) {
        this.kind = kind;
        this.header = header;
        this.campaignStart = campaignStart;
        this.submissionDate = submissionDate;
        this.registry = registry;
    }

    public ValidatedRow validate(CsvRecord record) {
        int columnCount = kind.columns().size();
        Object[] values = new Object[columnCount];
        if (record.malformed() || record.size() != header.fieldCount()) {
            return new ValidatedRow(record.lineNo(), EnumSet.of(RejectCode.R08), values, PersonalData.mask(record.raw()));
        }
        String[] fields = new String[columnCount];
        Set<RejectCode> codes = EnumSet.noneOf(RejectCode.class);
        for (int i = 0; i < columnCount; i++) {
            int position = header.position(i);
            fields[i] = position < 0 ? "" : record.fields().get(position);
            values[i] = check(kind.columns().get(i), fields[i], codes);
        }
        kind.checkRow(values, fields, registry, codes);
        // only a rejected row keeps its raw line
        return new ValidatedRow(record.lineNo(), codes, values, codes.isEmpty() ? null : PersonalData.mask(record.raw()));
    }

    /** The stored value of one field, or null with its code added when it breaks its rule. */
    private Object check(Column column, String field, Set<RejectCode> codes) {
        if (field.isEmpty()) {
            if (column.rule() != Column.Rule.NOTE && column.rule() != Column.Rule.OPTIONAL_CHOICE) {
                codes.add(RejectCode.R01);
            }
            return null;
        }
        return switch (column.rule()) {
            case TEXT, TARGET -> field;
            case UNIT -> rejectUnless(registry.isUnit(field), field, RejectCode.R06, codes);
            case VENUE -> rejectUnless(registry.isVenue(field), field, RejectCode.R06, codes);
            case NOTE -> PersonalData.mask(field);
            case OFFICER_ID -> rejectUnless(asciiDigits(field, 6, 6), field, RejectCode.R05, codes);
            case CHOICE, OPTIONAL_CHOICE -> {
                String value = column.choices().get(field);
                yield value == null ? reject(RejectCode.R05, codes) : value;
            }
            case COUNT -> {
                if (!asciiDigits(field, 1, 9) || Integer.parseInt(field) > column.max()) {
                    yield reject(RejectCode.R04, codes);
                }
                yield Integer.parseInt(field);
            }
            case DATE -> {
                LocalDate date = SubmissionDates.parse(field);
                if (date == null) {
                    yield reject(RejectCode.R02, codes);
                }
                if (date.isBefore(campaignStart) || date.isAfter(submissionDate)) {
                    yield reject(RejectCode.R03, codes);
                }
                yield date;
            }
        };
    }

    /** {@code min} to {@code max} ASCII digits and nothing else (a plain loop: this runs for millions of fields). */
    private static boolean asciiDigits(String field, int min, int max) {
        if (field.length() < min || field.length() > max) {
            return false;
        }
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Object rejectUnless(boolean valid, Object value, RejectCode code, Set<RejectCode> codes) {
        return valid ? value : reject(code, codes);
    }

    private static Object reject(RejectCode code, Set<RejectCode> codes) {
        codes.add(code);
        return null;
    }
}
