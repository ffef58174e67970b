package ch.frontdesk.mail;

import java.util.regex.Pattern;

/** Text that strangers typed, made safe to repeat in a mail we send on their say-so. */
public final class MailText {

    /** The most of a requester's name a mail repeats. */
    public static final int REQUESTER_NAME_LENGTH = 40;

    /** Links, and anything shaped like a domain or an address ({@code evil.example}, {@code a@b.c}). */
    private static final Pattern LINK_LIKE = Pattern.compile(
            "(?i)\\S*(?:[a-z][a-z0-9+.-]*://|www\\.|@)\\S*|\\S*[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}\\S*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private MailText() {
    }

    /**
     * The name a requester typed, as a mail to an unconfirmed address may show it: without links or domain-like text
     * (a sign-up form must not be a way to mail anyone a link in our name), and at most
     * {@value #REQUESTER_NAME_LENGTH} characters. {@code null} when nothing is left.
     */
    public static String requesterName(String typed) {
        if (typed == null) {
            return null;
        }
        String name = SPACES.matcher(LINK_LIKE.matcher(typed).replaceAll(" ")).replaceAll(" ").strip();
        if (name.codePointCount(0, name.length()) > REQUESTER_NAME_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, REQUESTER_NAME_LENGTH)).strip();
        }
        return name.isEmpty() ? null : name;
    }
}
