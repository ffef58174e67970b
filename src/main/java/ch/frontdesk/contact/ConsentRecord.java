package ch.frontdesk.contact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Proof of consent: what was agreed to, when, from which form and client, and when the address owner confirmed.
 * The database refuses any change but setting {@code confirmedAt} once.
 */
@Entity
@Table(name = "consent_record")
public class ConsentRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "contact_id", nullable = false)
    public long contactId;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "wording_version", nullable = false)
    public String wordingVersion;

    @Column(nullable = false)
    public String wording;

    public String source;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "given_at", nullable = false)
    public Instant givenAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;
}
