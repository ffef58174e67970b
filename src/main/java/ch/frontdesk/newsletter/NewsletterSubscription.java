package ch.frontdesk.newsletter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A contact's subscription to Engineering Prompts. One per contact; it returns to pending when renewed. */
@Entity
@Table(name = "newsletter_subscription")
public class NewsletterSubscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "contact_id", nullable = false)
    public long contactId;

    @Column(nullable = false)
    public SubscriptionStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    void activate(Instant now) {
        status = SubscriptionStatus.ACTIVE;
        confirmedAt = now;
        unsubscribedAt = null;
        updatedAt = now;
    }

    void unsubscribe(Instant now) {
        status = SubscriptionStatus.UNSUBSCRIBED;
        unsubscribedAt = now;
        updatedAt = now;
    }

    void renew(Instant now) {
        status = SubscriptionStatus.PENDING;
        updatedAt = now;
    }
}
