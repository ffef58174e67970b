package ch.frontdesk.mail;

import ch.frontdesk.common.LowercaseEnumConverter;

/**
 * Where a message stands: waiting, claimed by a sender, delivered to the SMTP server, given up on, or never to be
 * sent because the address asked to be forgotten (kept without its bodies, as a trace that something was not sent).
 */
public enum OutboxStatus {
    PENDING, SENDING, SENT, FAILED, SUPPRESSED;

    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends LowercaseEnumConverter<OutboxStatus> {
        public DbConverter() {
            super(OutboxStatus.class);
        }
    }
}
