package ch.frontdesk.tickets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A person waiting for seats of one ticket type, in line from the moment they joined once they have confirmed their
 * address. When seats free up, the first confirmed entry in line gets an offer that holds them for a while; an order
 * placed with the offer takes those seats.
 */
@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry extends PanacheEntityBase {

    public static final String WAITING = "waiting";
    public static final String OFFERED = "offered";
    public static final String ACCEPTED = "accepted";
    public static final String LAPSED = "lapsed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_type_id", nullable = false)
    public long ticketTypeId;

    @Column(name = "contact_id", nullable = false)
    public long contactId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int quantity;

    @Column(nullable = false)
    public String status;

    /** When the address owner confirmed the entry by email; until then it is skipped by every offer. */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "offer_expires_at")
    public Instant offerExpiresAt;

    /** While offered: the {@code seat_bucket} of each seat the offer holds; null otherwise. */
    @Column(name = "seat_buckets")
    public short[] seatBuckets;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
