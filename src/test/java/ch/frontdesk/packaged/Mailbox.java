package ch.frontdesk.packaged;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts what a loopback SMTP server received by {@code Message-ID}. The outbox gives every message the id
 * {@code <outbox-{row id}.{hash}@domain>}, the same for each attempt, so the count per outbox row tells "once",
 * "never" and "twice" apart.
 */
final class Mailbox {

    private static final Pattern OUTBOX_ID = Pattern.compile("<outbox-(\\d+)\\.[0-9a-f]+@");

    private Mailbox() {
    }

    /** How many messages arrived per outbox row id. */
    static Map<Long, Integer> receivedPerOutboxRow(GreenMail smtp) {
        Map<Long, Integer> counts = new TreeMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            counts.merge(outboxRow(message), 1, Integer::sum);
        }
        return counts;
    }

    /** How many messages arrived per recipient address. */
    static Map<String, Integer> receivedPerRecipient(GreenMail smtp) {
        Map<String, Integer> counts = new TreeMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                for (var address : message.getAllRecipients()) {
                    counts.merge(address.toString(), 1, Integer::sum);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    static int received(GreenMail smtp) {
        return smtp.getReceivedMessages().length;
    }

    private static long outboxRow(MimeMessage message) {
        try {
            String id = message.getMessageID();
            Matcher matcher = OUTBOX_ID.matcher(id == null ? "" : id);
            if (!matcher.find()) {
                throw new AssertionError("A message without an outbox Message-ID: " + id);
            }
            return Long.parseLong(matcher.group(1));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
