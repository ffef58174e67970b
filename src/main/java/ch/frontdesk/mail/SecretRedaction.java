package ch.frontdesk.mail;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the live secrets out of a mail kept after sending. The links in our mails carry their secret as
 * {@code token=...} (and a waiting-list offer as {@code offer=...}, also printed as a code to type in). Every value
 * found in such a parameter is replaced by {@code redacted} wherever it appears, so a database dump or an export
 * opens no order, cancels no pledge and confirms nothing.
 */
public final class SecretRedaction {

    public static final String REDACTED = "redacted";

    /** Our tokens are URL-safe Base64; a percent-encoded value is taken whole too. */
    private static final Pattern SECRET = Pattern.compile("\\b(token|offer)=([A-Za-z0-9_%-]+)");

    private static final int MIN_SECRET_LENGTH = 16;

    private final Set<String> secrets;

    private SecretRedaction(Set<String> secrets) {
        this.secrets = secrets;
    }

    /** Collects the secrets of every part of one mail: a secret shown in the HTML is also hidden in the text. */
    public static SecretRedaction of(String... parts) {
        Set<String> found = new LinkedHashSet<>();
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            Matcher matcher = SECRET.matcher(part);
            while (matcher.find()) {
                // Short values could be ordinary words elsewhere in the mail; ours are 32 characters.
                if (!matcher.group(2).equals(REDACTED) && matcher.group(2).length() >= MIN_SECRET_LENGTH) {
                    found.add(matcher.group(2));
                }
            }
        }
        return new SecretRedaction(found);
    }

    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String result = SECRET.matcher(text).replaceAll("$1=" + REDACTED);
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        return result;
    }

    public Map<String, String> apply(Map<String, String> headers) {
        Map<String, String> result = new LinkedHashMap<>();
        headers.forEach((name, value) -> result.put(name, apply(value)));
        return result;
    }
}
