package ch.frontdesk.newsletter;

import ch.frontdesk.common.Language;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sign-up request as received, waiting for the worker that applies it. Deleted once applied. */
@Entity
@Table(name = "newsletter_signup")
public class NewsletterSignup extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String email;

    public String name;

    public String source;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The language the request stated; null when it stated none. */
    public Language language;
}
