package ch.frontdesk.mail;

import java.util.Map;

/**
 * A mail ready for the outbox: who it goes to, what it says (always a plain-text part) and any extra headers.
 *
 * @param kind      what the mail is about, e.g. {@code newsletter.welcome}
 * @param contactId the contact it concerns, if any, so it can be found for a GDPR export or erasure
 */
public record OutgoingMail(String kind, Long contactId, String recipient, String subject, String text, String html,
        Map<String, String> headers) {

    public OutgoingMail {
        headers = Map.copyOf(headers);
    }
}
