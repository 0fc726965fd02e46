package cn.campaign.pipeline.generator;

import cn.campaign.pipeline.contract.CreditCodes;
import cn.campaign.pipeline.contract.SubmissionKind;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The codes of the registry and of submission rows, built alike in both settings: the
 * national administrative-division scheme (a county's 6 digits, its townships' 3 more, their
 * villages' and communities' 3 more), precincts numbered within their county, venues within
 * their unit, GB 32100-2015 credit codes, file names, and the ids precincts give their rows. Plain
 * concatenation, not String.format: the national setting builds millions of them.
 */
final class Codes {

    private Codes() {
    }

    /** {@code value} zero-padded to {@code width} digits. */
    static String digits(long value, int width) {
        char[] out = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return new String(out);
    }

    /** {@code value} in {@code width} symbols of the credit-code alphabet (base 31). */
    static String base31(long value, int width) {
        char[] out = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = CreditCodes.ALPHABET.charAt((int) (value % CreditCodes.ALPHABET.length()));
            value /= CreditCodes.ALPHABET.length();
        }
        return new String(out);
    }

    /** {@code count} symbols of the credit-code alphabet, each drawn. */
    static String drawnSymbols(SplittableRandom random, int count) {
        StringBuilder symbols = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            symbols.append(CreditCodes.ALPHABET.charAt(random.nextInt(CreditCodes.ALPHABET.length())));
        }
        return symbols.toString();
    }

    /** {@code YYYYMMDD}, as in file names and row ids. */
    static String compactDate(LocalDate date) {
        return digits(date.getYear(), 4) + digits(date.getMonthValue(), 2) + digits(date.getDayOfMonth(), 2);
    }

    /** The county's code, {@code 000}, the precinct's number in its county: 12 digits starting with the county. */
    static String precinctCode(String countyCode, int number) {
        return countyCode + "000" + digits(number, 3);
    }

    /** The county's code and the township's sequence: 9 digits. */
    static String townshipCode(String countyCode, int sequence) {
        return countyCode + digits(sequence, 3);
    }

    /** The township's code and the unit's sequence: 001-199 communities, 200-399 villages (12 digits). */
    static String unitCode(String townshipCode, int sequence) {
        return townshipCode + digits(sequence, 3);
    }

    /** {@code V}, the unit's code and the venue's number in its unit. */
    static String venueId(String unitCode, int number) {
        return "V" + unitCode + digits(number, 2);
    }

    /**
     * Registration authority and entity type ({@link EntityKind}), the county as the
     * registering authority's division, a 9-symbol organisation code, and the check character.
     */
    static String creditCode(String kindPrefix, String countyCode, String organisation) {
        return CreditCodes.withCheckCharacter(kindPrefix + countyCode + organisation);
    }

    /**
     * {@code <precinct_code>_<YYYYMMDD>_<kind>[_v<N>].csv}, as {@code SubmissionFileName}
     * parses it, the version written from 2 on.
     */
    static String fileName(String precinctCode, LocalDate day, SubmissionKind kind, int version) {
        return precinctCode + "_" + compactDate(day) + "_" + kind.fileKind() + (version > 1 ? "_v" + version : "") + ".csv";
    }

    /** A row id: the kind's prefix, the submission date and the row's number that day. */
    static String rowId(String prefix, LocalDate day, int sequence, int width) {
        return prefix + compactDate(day) + digits(sequence, width);
    }
}
