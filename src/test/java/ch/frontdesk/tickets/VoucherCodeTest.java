package ch.frontdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Generated voucher codes, without Quarkus: at least 64 bits of randomness, and no two alike. */
class VoucherCodeTest {

    @Test
    void aCodeIsSixteenCrockfordCharactersSoEightyBits() {
        String code = Vouchers.newCode();
        assertThat(code).hasSize(16).matches("[0-9A-HJKMNP-TV-Z]+");
        assertThat(Vouchers.CODE_ALPHABET).hasSize(32).doesNotContain("I", "L", "O", "U");
        double bits = Vouchers.CODE_LENGTH * (Math.log(Vouchers.CODE_ALPHABET.length()) / Math.log(2));
        assertThat(bits).isGreaterThanOrEqualTo(64);
    }

    @Test
    void manyCodesAreAllDifferentAndUseTheWholeAlphabetInEveryPosition() {
        int n = 50_000;
        Set<String> codes = new HashSet<>();
        @SuppressWarnings("unchecked")
        Set<Character>[] seen = new Set[Vouchers.CODE_LENGTH];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = new HashSet<>();
        }
        for (int i = 0; i < n; i++) {
            String code = Vouchers.newCode();
            codes.add(code);
            for (int p = 0; p < code.length(); p++) {
                seen[p].add(code.charAt(p));
            }
        }
        assertThat(codes).hasSize(n);
        for (Set<Character> position : seen) {
            assertThat(position).hasSize(32);
        }
    }
}
