package ch.frontdesk.support;

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

/** A contact's support. Amount and interval are fixed when pledged. */
@Entity
@Table(name = "pledge")
public class Pledge extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "public_id", nullable = false)
    public UUID publicId;

    @Column(name = "contact_id", nullable = false)
    public long contactId;

    @Column(name = "tier_id", nullable = false)
    public long tierId;

    @Column(name = "payment_method", nullable = false)
    public PaymentMethod paymentMethod;

    @Column(nullable = false)
    public PledgeStatus status;

    @Column(nullable = false)
    public long amount;

    @Column(nullable = false)
    public String currency;

    @Column(name = "billing_interval", nullable = false)
    public BillingInterval interval;

    @Column(name = "payment_reference", nullable = false)
    public String paymentReference;

    /** Until when the supporter has paid. */
    @Column(name = "current_period_end")
    public Instant currentPeriodEnd;

    /** When the first paid period started: every period end is counted from here, so month ends stay month ends. */
    @Column(name = "period_anchor")
    public Instant periodAnchor;

    /** The supporter cancelled: the pledge stays active until the paid period ends, then it is cancelled. */
    @Column(name = "cancel_at_period_end", nullable = false)
    public boolean cancelAtPeriodEnd;

    /** For invoice payment: the transfer is expected by then. */
    @Column(name = "payment_due_at")
    public Instant paymentDueAt;

    /** The period end a renewal reminder was sent for, so each renewal is announced once. */
    @Column(name = "reminded_for_period_end")
    public Instant remindedForPeriodEnd;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "stripe_checkout_session_id")
    public String stripeCheckoutSessionId;

    @Column(name = "stripe_subscription_id")
    public String stripeSubscriptionId;

    /** Where a card supporter pays, until the checkout is completed or expires. */
    @Column(name = "checkout_url")
    public String checkoutUrl;
}
