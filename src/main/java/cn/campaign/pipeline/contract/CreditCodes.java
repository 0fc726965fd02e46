package cn.campaign.pipeline.contract;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-symbol alphabet without I, O, S, V, Z, the last being a check character over the
 * first 17. The sample registry needs codes that the registry load accepts, and tests need
 * codes that fail the check (R07); the warehouse has its own copy of the rule in SQL.
 */
public final class CreditCodes {

    /** The 31 symbols of the standard, in value order; the sample registry draws organisation codes from it. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int MODULUS = ALPHABET.length();
    /** 3^(i-1) mod 31 for positions 1..17, as tabulated in the standard. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int BODY_LENGTH = WEIGHTS.length;

    private CreditCodes() {
    }

    /**
     * Completes a code body with its check character.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of the alphabet
     */
    public static String withCheckCharacter(String first17) {
        if (first17 == null || first17.length() != BODY_LENGTH || !inAlphabet(first17)) {
            throw new IllegalArgumentException(
                    "a credit code body is 17 characters of " + ALPHABET + ", got \"" + first17 + "\"");
        }
        return first17 + checkCharacter(first17);
    }

    /** True when {@code code} is 18 characters of the alphabet (upper case) ending in its check character. */
    public static boolean isValid(String code) {
        return code != null
                && code.length() == BODY_LENGTH + 1
                && inAlphabet(code)
                && code.charAt(BODY_LENGTH) == checkCharacter(code);
    }

    private static boolean inAlphabet(String text) {
        return text.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    /** Check character over the first 17 characters of {@code code}, which must all be in the alphabet. */
    private static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < BODY_LENGTH; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }
}
