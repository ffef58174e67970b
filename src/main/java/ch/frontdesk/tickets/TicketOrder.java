package ch.frontdesk.tickets;

import ch.frontdesk.payment.PaymentMethod;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A buyer's order for one or more tickets of one event. Clients know it by its random public id. */
@Entity
@Table(name = "ticket_order")
public class TicketOrder extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "public_id", nullable = false)
    public UUID publicId;

    @Column(name = "event_id", nullable = false)
    public long eventId;

    @Column(name = "buyer_id", nullable = false)
    public long buyerId;

    @Column(name = "buyer_name", nullable = false)
    public String buyerName;

    @Column(nullable = false)
    public OrderStatus status;

    @Column(name = "payment_method", nullable = false)
    public PaymentMethod paymentMethod;

    @Column(name = "total_amount", nullable = false)
    public long totalAmount;

    @Column(nullable = false)
    public String currency;

    @Column(name = "voucher_id")
    public Long voucherId;

    @Column(name = "waitlist_entry_id")
    public Long waitlistEntryId;

    /** What the buyer writes on a bank transfer, so the organiser can match it. */
    @Column(name = "payment_reference", nullable = false)
    public String paymentReference;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "stripe_checkout_session_id")
    public String stripeCheckoutSessionId;

    /** The card payment, once made: what a refund refers to. */
    @Column(name = "stripe_payment_intent")
    public String stripePaymentIntent;

    /** Where the buyer pays by card, while the order waits for it. */
    @Column(name = "checkout_url")
    public String checkoutUrl;

    @Column(name = "refunded_at")
    public Instant refundedAt;

    /** The one secret of every link to this order, in every email of it; valid until the event is over. */
    @Column(name = "access_token", nullable = false)
    public String accessToken;

    /**
     * Set before Stripe is asked for a refund, outside any transaction; with {@code refundedAt} still null it
     * means the refund was started and its outcome not yet recorded, so a retry or Stripe's charge.refunded
     * completes it.
     */
    @Column(name = "refund_requested_at")
    public Instant refundRequestedAt;

    /** The rate-limit key of the address that placed the order (an IPv6 /64 is one): what the network cap counts. */
    @Column(name = "client_network")
    public String clientNetwork;

    /** When the buyer of an unpaid invoice order was reminded that its hold lapses; at most once. */
    @Column(name = "reminded_at")
    public Instant remindedAt;

    /**
     * Card money that is ours to give back and not given back yet: a confirmed order being cancelled, or a refund
     * started earlier (a cancellation, a payment after the hold lapsed) whose outcome was never recorded.
     */
    boolean refundDue() {
        return stripePaymentIntent != null && refundedAt == null
                && (status == OrderStatus.CONFIRMED || refundRequestedAt != null);
    }
}
