package cn.campaign.pipeline.generator;

import cn.campaign.pipeline.contract.CreditCodes;
import java.util.SplittableRandom;

/**
 * Values broken the way precincts really break them, each of which the pipeline must
 * reject. Which faults a setting writes, and how often, is the setting's; where the two
 * settings break a value differently, both ways are here, since each way's draws are part
 * of its setting's bytes.
 */
final class BrokenValues {

    private BrokenValues() {
    }

    /** The 30th of February of the date's year, as typed (R02). */
    static String impossibleDate(String isoDate) {
        return isoDate.substring(0, 4) + "-02-30";
    }

    /**
     * A code of the right shape that the registry does not hold (R06), its last three
     * characters 399: a unit beyond the villages' 200-range of any township, or a venue
     * number past any unit's.
     */
    static String unknownCode(String code) {
        return code.substring(0, code.length() - 3) + "399";
    }

    /** A venue number past the unit's venues (R06): the two cities' units hold at most ten. */
    static String unknownVenue(String venueId) {
        return venueId.substring(0, venueId.length() - 2) + "99";
    }

    /** A credit code of the same county with a valid check character that no enterprise has (R06), as a stale list gives. */
    static String unregisteredCreditCode(String creditCode, SplittableRandom random) {
        return CreditCodes.withCheckCharacter(creditCode.substring(0, 8) + Codes.drawnSymbols(random, 9));
    }

    /** A registered code with another check character, drawn (R07, and so R06). */
    static String wrongCheckCharacter(String creditCode, SplittableRandom random) {
        int check = CreditCodes.ALPHABET.indexOf(creditCode.charAt(17));
        return creditCode.substring(0, 17)
                + CreditCodes.ALPHABET.charAt((check + Draws.between(random, 1, 30)) % CreditCodes.ALPHABET.length());
    }

    /** A registered code with the check character 1, or 2 where 1 is right: the same fault without a draw (R07, R06). */
    static String wrongCheckCharacter(String creditCode) {
        return creditCode.substring(0, 17) + (creditCode.charAt(17) == '1' ? '2' : '1');
    }
}
