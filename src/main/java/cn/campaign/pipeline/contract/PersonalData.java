package cn.campaign.pipeline.contract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data never reaches the warehouse (contract section 2, 走访亮身份、信息严保密):
 * 18-character resident ID numbers and 11-digit mobile numbers keep their first 3 and last
 * 2 characters, with {@code *} between.
 */
public final class PersonalData {

    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[0-9]{10}(?![0-9])");

    private PersonalData() {
    }

    public static String mask(String text) {
        if (text == null || !hasCandidateDigitRun(text)) {
            return text;
        }
        return maskAll(MOBILE, maskAll(RESIDENT_ID, text));
    }

    /**
     * Both patterns are bounded by non-digits, so they can only match within a maximal run of
     * exactly 11 ASCII digits (a mobile) or of 17 or 18 (a resident ID). Lines full of longer
     * codes (12-digit unit codes, visit ids) have none: this scan spares them the two regular
     * expressions, which run on every raw line.
     */
    private static boolean hasCandidateDigitRun(String text) {
        int run = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                run++;
            } else {
                if (run == 11 || run == 17 || run == 18) {
                    return true;
                }
                run = 0;
            }
        }
        return false;
    }

    private static String maskAll(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        do {
            String found = matcher.group();
            matcher.appendReplacement(masked, found.substring(0, 3) + "*".repeat(found.length() - 5)
                    + found.substring(found.length() - 2));
        } while (matcher.find());
        return matcher.appendTail(masked).toString();
    }
}
