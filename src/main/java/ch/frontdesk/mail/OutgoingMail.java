package ch.frontdesk.mail;

import java.util.List;
import java.util.Map;

/**
 * A mail ready for the outbox: who it goes to, what it says (always a plain-text part) and any extra headers.
 *
 * @param kind      what the mail is about, e.g. {@code newsletter.welcome}
 * @param contactId the contact it concerns, if any, so it can be found for a GDPR export or erasure
 */
public record OutgoingMail(String kind, Long contactId, String recipient, String subject, String text, String html,
        Map<String, String> headers, List<Attachment> attachments) {

    public OutgoingMail {
        headers = Map.copyOf(headers);
        attachments = List.copyOf(attachments);
    }

    public OutgoingMail(String kind, Long contactId, String recipient, String subject, String text, String html,
            Map<String, String> headers) {
        this(kind, contactId, recipient, subject, text, html, headers, List.of());
    }
}
