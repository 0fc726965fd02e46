package cn.campaign.pipeline.contract;

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
public final class SubmissionDates {

    private static final List<Pattern> FORMS = List.of(
            Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"),
            Pattern.compile("([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})"),
            Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})"),
            Pattern.compile("([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日"));

    private SubmissionDates() {
    }

    /** The date, or null when the text is not one of the four forms of a real day. */
    public static LocalDate parse(String text) {
        if (isIso(text)) {
            // the common spelling, read without a regular expression
            try {
                return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
            } catch (DateTimeException e) {
                return null;
            }
        }
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

    /** {@code dddd-dd-dd}, the first form with two-digit month and day. */
    private static boolean isIso(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }
}
