package ch.frontdesk.payment;

import ch.frontdesk.common.Tokens;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.codecrete.qrbill.generator.Payments;

/**
 * Our payment reference ({@code FD-7KQ2M9XPRA}) as a Swiss QR-bill carries it, and back. A payer's bank passes on
 * only what the bill's reference field holds, so both forms must lead the admin to the same order or pledge:
 * <ul>
 * <li>with a plain IBAN, the ISO 11649 creditor reference: {@code RF} and two check digits before the reference
 * without its dash ({@code RF94FD7KQ2M9XPRA});</li>
 * <li>with a QR-IBAN, the 27-digit QR reference the banks require there: {@code 00}, the two prefix letters as
 * {@code 10}–{@code 35} (A–Z, as ISO 7064 counts letters), each of the ten code characters as its two-digit position
 * in {@link Tokens#REFERENCE_ALPHABET}, and the modulo-10 recursive check digit. Two digits a character make the
 * spelling reversible without any table of issued references.</li>
 * </ul>
 */
public final class BillReference {

    private static final int CODE_LENGTH = 10;
    private static final Pattern OURS = Pattern.compile("([A-Z]{2})-([" + Tokens.REFERENCE_ALPHABET + "]{"
            + CODE_LENGTH + "})");
    private static final String QR_LEAD = "00";
    private static final int QR_LENGTH = 27;
    private static final Pattern TYPING = Pattern.compile("[\\s-]+");

    private BillReference() {
    }

    /** The ISO 11649 creditor reference for a plain IBAN; empty when {@code reference} is not one we issue. */
    public static Optional<String> creditorReference(String reference) {
        return parts(reference).map(p -> Payments.createISO11649Reference(p.prefix() + p.code()));
    }

    /** The 27-digit QR reference for a QR-IBAN; empty when {@code reference} is not one we issue. */
    public static Optional<String> qrReference(String reference) {
        return parts(reference).map(p -> {
            StringBuilder digits = new StringBuilder(QR_LEAD);
            for (char letter : p.prefix().toCharArray()) {
                digits.append(letter - 'A' + 10);
            }
            for (char c : p.code().toCharArray()) {
                int position = Tokens.REFERENCE_ALPHABET.indexOf(c);
                digits.append(position < 10 ? "0" : "").append(position);
            }
            return Payments.createQRReference(digits.toString());
        });
    }

    /** The reference a bill to {@code iban} carries: a QR reference for a QR-IBAN, a creditor reference otherwise. */
    public static Optional<String> forAccount(String iban, String reference) {
        return Payments.isQRIBAN(compact(iban)) ? qrReference(reference) : creditorReference(reference);
    }

    /**
     * Our reference ({@code FD-7KQ2M9XPRA}) for a creditor or QR reference as an admin types it from a bank statement
     * (any case, spaces or dashes); empty for anything else, including a form whose check digits do not match.
     */
    public static Optional<String> canonical(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = compact(typed);
        if (compact.startsWith("RF")) {
            return fromCreditorReference(compact);
        }
        if (compact.length() == QR_LENGTH && compact.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return fromQrReference(compact);
        }
        return Optional.empty();
    }

    private static Optional<String> fromCreditorReference(String compact) {
        if (!Payments.isValidISO11649Reference(compact)) {
            return Optional.empty();
        }
        String body = compact.substring(4);
        if (body.length() != 2 + CODE_LENGTH) {
            return Optional.empty();
        }
        return ours(body.substring(0, 2) + "-" + body.substring(2));
    }

    private static Optional<String> fromQrReference(String digits) {
        if (!Payments.isValidQRReference(digits) || !digits.startsWith(QR_LEAD)) {
            return Optional.empty();
        }
        StringBuilder reference = new StringBuilder();
        int at = QR_LEAD.length();
        for (int i = 0; i < 2; i++, at += 2) {
            int letter = Integer.parseInt(digits, at, at + 2, 10);
            if (letter < 10 || letter > 35) {
                return Optional.empty();
            }
            reference.append((char) ('A' + letter - 10));
        }
        reference.append('-');
        for (int i = 0; i < CODE_LENGTH; i++, at += 2) {
            int position = Integer.parseInt(digits, at, at + 2, 10);
            if (position >= Tokens.REFERENCE_ALPHABET.length()) {
                return Optional.empty();
            }
            reference.append(Tokens.REFERENCE_ALPHABET.charAt(position));
        }
        return Optional.of(reference.toString());
    }

    private static Optional<String> ours(String reference) {
        return OURS.matcher(reference).matches() ? Optional.of(reference) : Optional.empty();
    }

    private record Parts(String prefix, String code) {
    }

    private static Optional<Parts> parts(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        var matcher = OURS.matcher(reference);
        return matcher.matches() ? Optional.of(new Parts(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    private static String compact(String typed) {
        return TYPING.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
    }
}
