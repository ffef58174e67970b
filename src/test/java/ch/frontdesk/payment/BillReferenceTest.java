package ch.frontdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.common.Tokens;
import java.math.BigInteger;
import net.codecrete.qrbill.generator.Payments;
import org.junit.jupiter.api.Test;

/** Our payment reference as a QR-bill carries it, and back: pure, no Quarkus. */
class BillReferenceTest {

    @Test
    void aPlainIbanGetsTheIso11649CreditorReferenceOfOurReferenceWithoutItsDash() {
        assertThat(BillReference.creditorReference("FD-7KQ2M9XPRA")).contains("RF94FD7KQ2M9XPRA");
        assertThat(BillReference.forAccount("CH93 0076 2011 6238 5295 7", "FD-7KQ2M9XPRA"))
                .contains("RF94FD7KQ2M9XPRA");
    }

    @Test
    void theCreditorReferenceCheckDigitsAreIso7064Mod97() {
        // Moved to the end with RF00, letters as 10..35, the number mod 97 must be 1 for the check digits issued.
        String reference = BillReference.creditorReference("EP-ZZ23456789").orElseThrow();
        String rearranged = reference.substring(4) + reference.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        rearranged.chars().forEach(c -> digits.append(Character.getNumericValue(c)));
        assertThat(new BigInteger(digits.toString()).mod(BigInteger.valueOf(97))).isEqualTo(BigInteger.ONE);
        assertThat(reference).startsWith("RF").endsWith("EPZZ23456789");
    }

    @Test
    void aQrIbanGetsA27DigitQrReferenceSpellingPrefixAndCodeTwoDigitsACharacter() {
        // F=15, D=13; then A=00, B=01, C=02 ... in the reference alphabet; then the check digit.
        String qr = BillReference.qrReference("FD-ABCDEFGHJK").orElseThrow();
        assertThat(qr).hasSize(27).isEqualTo("00" + "1513" + "00010203040506070809" + qr.charAt(26));
        assertThat(Payments.isValidQRReference(qr)).isTrue();
        assertThat(BillReference.forAccount("CH44 3199 9123 0008 8901 2", "FD-ABCDEFGHJK")).contains(qr);
    }

    @Test
    void theQrCheckDigitIsModulo10Recursive() {
        String qr = BillReference.qrReference("EP-9876543ZYX").orElseThrow();
        int[] table = {0, 9, 4, 6, 8, 2, 7, 1, 3, 5};
        int carry = 0;
        for (int i = 0; i < 26; i++) {
            carry = table[(carry + qr.charAt(i) - '0') % 10];
        }
        assertThat(qr.charAt(26) - '0').isEqualTo((10 - carry) % 10);
    }

    @Test
    void bothFormsMapBackToOurReferenceHoweverTheyAreTyped() {
        for (int i = 0; i < 200; i++) {
            String ours = Tokens.paymentReference(i % 2 == 0 ? "FD" : "EP");
            String rf = BillReference.creditorReference(ours).orElseThrow();
            String qr = BillReference.qrReference(ours).orElseThrow();
            assertThat(BillReference.canonical(rf)).contains(ours);
            assertThat(BillReference.canonical(qr)).contains(ours);
            assertThat(BillReference.canonical(Payments.formatQRReferenceNumber(qr))).contains(ours);
            assertThat(BillReference.canonical(" " + rf.toLowerCase().replaceAll("(.{4})", "$1 ") + " "))
                    .contains(ours);
        }
    }

    @Test
    void aQrReferenceAsPrintedInGroupsOfFiveOrWithDashesIsUnderstood() {
        String qr = BillReference.qrReference("FD-7KQ2M9XPRA").orElseThrow();
        String grouped = qr.substring(0, 2) + " " + qr.substring(2).replaceAll("(.{5})", "$1 ").strip();
        assertThat(grouped).matches("\\d{2}( \\d{5}){5}");
        assertThat(BillReference.canonical(grouped)).contains("FD-7KQ2M9XPRA");
        assertThat(BillReference.canonical(grouped.replace(' ', '-'))).contains("FD-7KQ2M9XPRA");
    }

    @Test
    void aWrongCheckDigitIsNotAReference() {
        String qr = BillReference.qrReference("FD-7KQ2M9XPRA").orElseThrow();
        String wrongCheck = qr.substring(0, 26) + (char) ('0' + (qr.charAt(26) - '0' + 1) % 10);
        assertThat(BillReference.canonical(wrongCheck)).isEmpty();
        // One mistyped digit changes the check digit, so the lookup cannot land on somebody else's order.
        String typo = qr.substring(0, 10) + (char) ('0' + (qr.charAt(10) - '0' + 1) % 10) + qr.substring(11);
        assertThat(BillReference.canonical(typo)).isEmpty();
        assertThat(BillReference.canonical("RF95FD7KQ2M9XPRA")).isEmpty();
    }

    @Test
    void garbageIsNoBillReference() {
        assertThat(BillReference.canonical(null)).isEmpty();
        assertThat(BillReference.canonical("")).isEmpty();
        assertThat(BillReference.canonical("FD-7KQ2M9XPRA")).isEmpty();
        assertThat(BillReference.canonical("hello")).isEmpty();
        assertThat(BillReference.canonical("RF")).isEmpty();
        assertThat(BillReference.canonical("RF18539007547034")).isEmpty(); // a valid RF reference, not one of ours
        assertThat(BillReference.canonical(Payments.createQRReference("1234"))).isEmpty(); // valid QR, not ours
        // Valid QR references whose pairs fall outside our spelling: a letter code 99, a character position 40.
        assertThat(BillReference.canonical(Payments.createQRReference("00" + "9913" + "00".repeat(10)))).isEmpty();
        assertThat(BillReference.canonical(Payments.createQRReference("00" + "1513" + "40" + "00".repeat(9))))
                .isEmpty();
        assertThat(BillReference.canonical("1".repeat(27))).isEmpty();
        assertThat(BillReference.canonical("1".repeat(28))).isEmpty();
    }

    @Test
    void onlyReferencesWeIssueAreSpelledForABill() {
        assertThat(BillReference.creditorReference("T-" + "x".repeat(36))).isEmpty();
        assertThat(BillReference.qrReference("FD-7KQ2M9XPR")).isEmpty(); // nine characters
        assertThat(BillReference.qrReference("FD-7KQ2M9XPR0")).isEmpty(); // 0 is not in the alphabet
        assertThat(BillReference.qrReference("fd-7KQ2M9XPRA")).isEmpty();
        assertThat(BillReference.qrReference(null)).isEmpty();
    }
}
