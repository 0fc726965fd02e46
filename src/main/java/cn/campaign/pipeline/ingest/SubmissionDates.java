package cn.campaign.pipeline.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The four date spellings of contract section 2: {@code 2026-02-03}, {@code 2026/2/3},
 * {@code 20260203} and {@code 2026年2月3日} (one- or two-digit month and day except in the
 * compact form). Anything else, or a day that does not exist, is not a date (R02).
 */
final class SubmissionDates {

    private static final List<Pattern> FORMS = List.of(
            Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"),
            Pattern.compile("([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})"),
            Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})"),
            Pattern.compile("([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日"));

    private SubmissionDates() {
    }

    /** The date, or null when the text is not one of the four forms of a real day. */
    static LocalDate parse(String text) {
        for (Pattern form : FORMS) {
            Matcher matcher = form.matcher(text);
            if (matcher.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                            Integer.parseInt(matcher.group(3)));
                } catch (DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
