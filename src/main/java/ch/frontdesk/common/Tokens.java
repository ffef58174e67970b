package ch.frontdesk.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random URL-safe secrets for links, and the hashes under which they are stored. */
public final class Tokens {

    /** 192 bits: comfortably above the 128 bits every emailed token must carry. */
    private static final int TOKEN_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Letters and digits that cannot be mistaken for one another when typed from a bank statement. Public because the
     * QR-bill's numeric reference spells a payment reference as positions in this alphabet.
     */
    public static final String REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** A payment reference such as {@code FD-7KQ2M9XPRA}: short, readable, and random enough to be unique. */
    public static String paymentReference(String prefix) {
        StringBuilder reference = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 10; i++) {
            reference.append(REFERENCE_ALPHABET.charAt(RANDOM.nextInt(REFERENCE_ALPHABET.length())));
        }
        return reference.toString();
    }

    /**
     * A reference as typed from a bank statement, in the form we issue: case, spaces and dashes are ignored, so
     * {@code fd 7kq2 m9xp ra} and {@code FD7KQ2M9XPRA} are both {@code FD-7KQ2M9XPRA}.
     */
    public static String canonicalPaymentReference(String typed) {
        String compact = typed.replaceAll("[\\s-]+", "").toUpperCase(java.util.Locale.ROOT);
        return compact.length() <= 2 ? compact : compact.substring(0, 2) + "-" + compact.substring(2);
    }

    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
