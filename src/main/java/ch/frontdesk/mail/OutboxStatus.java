package ch.frontdesk.mail;

import ch.frontdesk.common.LowercaseEnumConverter;

/** Where a message stands: waiting, claimed by a sender, delivered to the SMTP server, or given up on. */
public enum OutboxStatus {
    PENDING, SENDING, SENT, FAILED;

    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends LowercaseEnumConverter<OutboxStatus> {
        public DbConverter() {
            super(OutboxStatus.class);
        }
    }
}
