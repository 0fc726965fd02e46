package cn.campaign.pipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CreditCodesTest {

    /** A widely quoted example code; its check character 3 follows from the standard's weights. */
    private static final String VALID_CODE = "91350100M000100Y43";

    @Test
    void acceptsAValidCode() {
        // given a code whose check character is right
        // when it is checked
        boolean valid = CreditCodes.isValid(VALID_CODE);
        // then it passes
        assertThat(valid).isTrue();
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        // given the valid code with its check character 3 replaced by 4
        String tampered = VALID_CODE.substring(0, 17) + "4";
        // when it is checked
        boolean valid = CreditCodes.isValid(tampered);
        // then it fails
        assertThat(valid).isFalse();
    }

    @Test
    void rejectsAnySingleCharacterChange() {
        // given every code that differs from the valid one in exactly one character of the alphabet
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int position = 0; position < VALID_CODE.length(); position++) {
            for (char replacement : alphabet.toCharArray()) {
                if (replacement == VALID_CODE.charAt(position)) {
                    continue;
                }
                String changed = VALID_CODE.substring(0, position) + replacement + VALID_CODE.substring(position + 1);
                // when it is checked
                // then it fails: 31 is prime, so no single change keeps the weighted sum
                assertThat(CreditCodes.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @Test
    void rejectsWrongLengthsAndForeignCharacters() {
        // given codes that are too short, too long, empty, absent, lower case,
        // or use a letter the standard leaves out (I, O, S, V, Z look like digits)
        // when they are checked
        // then they all fail
        assertThat(CreditCodes.isValid(VALID_CODE.substring(0, 17))).isFalse();
        assertThat(CreditCodes.isValid(VALID_CODE + "3")).isFalse();
        assertThat(CreditCodes.isValid("")).isFalse();
        assertThat(CreditCodes.isValid(null)).isFalse();
        assertThat(CreditCodes.isValid("91350100m000100y43")).isFalse();
        assertThat(CreditCodes.isValid("91350100O000100Y43")).isFalse();
    }

    @Test
    void completesABodyIntoAValidCode() {
        // given bodies whose check characters are a digit (3), a letter (L) and the value zero (0)
        for (String body : new String[] {"91350100M000100Y4", "91110000600037341", "91150802MA0N0000A"}) {
            // when the check character is appended
            String code = CreditCodes.withCheckCharacter(body);
            // then the code keeps its body and is valid
            assertThat(code).hasSize(18).startsWith(body);
            assertThat(CreditCodes.isValid(code)).as(code).isTrue();
        }
    }

    @Test
    void computesTheKnownCheckCharacter() {
        // given the body of the valid code
        // when it is completed
        String code = CreditCodes.withCheckCharacter(VALID_CODE.substring(0, 17));
        // then it is the valid code
        assertThat(code).isEqualTo(VALID_CODE);
    }

    @Test
    void refusesABodyThatIsNotSeventeenCharactersOfTheAlphabet() {
        // given bodies of the wrong length or with a letter outside the alphabet
        // when they are completed
        // then they are refused
        assertThatIllegalArgumentException().isThrownBy(() -> CreditCodes.withCheckCharacter("9135010"));
        assertThatIllegalArgumentException().isThrownBy(() -> CreditCodes.withCheckCharacter("91350100I000100Y4"));
        assertThatIllegalArgumentException().isThrownBy(() -> CreditCodes.withCheckCharacter(null));
    }
}
