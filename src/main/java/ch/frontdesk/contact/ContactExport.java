package ch.frontdesk.contact;

import ch.frontdesk.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything Frontdesk holds about one address, as one JSON document (GDPR art. 15 and 20). Secrets are left out:
 * link tokens in emails are redacted and ticket codes are not shown, so the export opens nothing if it is passed
 * around. Other people's addresses (the buyer of a ticket someone else ordered for this person) are not shown.
 */
public record ContactExport(
        Person contact,
        List<Consent> consents,
        Subscription newsletter,
        List<QueuedSignup> queuedSignups,
        List<PledgeRecord> pledges,
        List<OrderRecord> orders,
        List<AttendeeTicket> ticketsAsAttendee,
        List<WaitlistRecord> waitingLists,
        List<Email> emails,
        List<AuditRecord> audit) {

    public record Person(long id, String email, String name, Instant createdAt, Instant updatedAt, Instant erasedAt) {
    }

    public record Consent(String purpose, String wordingVersion, String wording, String source, String clientAddress,
            String userAgent, Instant givenAt, Instant confirmedAt) {
    }

    public record Subscription(String status, Instant createdAt, Instant confirmedAt, Instant unsubscribedAt) {
    }

    public record QueuedSignup(String email, String name, String source, String clientAddress, String userAgent,
            Instant receivedAt) {
    }

    public record PledgeRecord(UUID id, String tier, String status, String paymentMethod, Money amount,
            String interval, String paymentReference, Instant currentPeriodEnd, boolean cancelAtPeriodEnd,
            Instant createdAt, Instant cancelledAt, List<Payment> payments) {
    }

    public record Payment(Money amount, String method, Instant paidAt, Instant periodEnd) {
    }

    public record OrderRecord(UUID id, String event, String buyerName, String status, String paymentMethod,
            Money total, String paymentReference, Instant createdAt, Instant confirmedAt, Instant cancelledAt,
            Instant refundedAt, List<OrderTicket> tickets) {
    }

    public record OrderTicket(String type, String attendeeName, Money price, String priceLabel, Instant checkedInAt) {
    }

    public record AttendeeTicket(UUID order, String event, String type, String attendeeName, String orderStatus,
            Instant createdAt, Instant checkedInAt) {
    }

    public record WaitlistRecord(String event, String type, String name, int quantity, String status,
            Instant offerExpiresAt, Instant createdAt) {
    }

    /** A mail queued or sent; its text with every link token redacted, without attachments. */
    public record Email(long id, String kind, String recipient, String subject, String status, Instant createdAt,
            Instant sentAt, String text) {
    }

    public record AuditRecord(Instant at, String actor, String action, String target) {
    }
}
