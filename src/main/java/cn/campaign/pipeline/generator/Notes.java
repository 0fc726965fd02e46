package cn.campaign.pipeline.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * What officers add to a note that the pipeline must handle: personal data it must mask
 * before storage (contract section 2: mobile numbers, resident ID numbers), and text that
 * needs CSV quoting (an ASCII comma or quote, a line break). How often each comes up is the
 * setting's.
 */
final class Notes {

    private Notes() {
    }

    static String withMobileNumber(String note, SplittableRandom random) {
        return note + "，联系电话1" + "35789".charAt(random.nextInt(5)) + Codes.digits(random.nextInt(1_000_000_000), 9);
    }

    /** An 18-character resident ID number with its GB 11643 check character, born 1950-2005 in the county. */
    static String withResidentId(String note, String countyCode, SplittableRandom random) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(56 * 365));
        String body = countyCode + Codes.compactDate(birth) + Codes.digits(random.nextInt(1000), 3);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return note + "，当事人身份证号" + body + "10X98765432".charAt(sum % 11);
    }

    static String withComma(String note) {
        return note + ",已登记台账";
    }

    static String inQuotes(String note) {
        return "群众称\"" + note + "\"";
    }

    static String withLineBreak(String note) {
        return note + "\n次日回访";
    }
}
