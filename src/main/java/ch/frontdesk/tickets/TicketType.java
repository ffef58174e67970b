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
 * A kind of ticket. Its seats are counted in its {@code seat_bucket} rows ({@link SeatLedger} changes them,
 * {@link SeatCounts} reads them), whose capacities add up to {@link #capacity}. {@code earlyTaken <= earlyQuota} is
 * enforced by the database.
 */
@Entity
@Table(name = "ticket_type")
public class TicketType extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public long eventId;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "price_amount", nullable = false)
    public long priceAmount;

    @Column(name = "early_amount")
    public Long earlyAmount;

    @Column(name = "early_ends_at")
    public Instant earlyEndsAt;

    /** Seats that may sell at the early-bird price; null means no limit but the deadline. */
    @Column(name = "early_quota")
    public Integer earlyQuota;

    @Column(name = "max_per_order", nullable = false)
    public int maxPerOrder;

    /**
     * Seats sold or held at the early-bird price. Never written from here: {@link SeatLedger} changes it with one
     * SQL statement, so an admin's change to the type cannot write back a count read earlier.
     */
    @Column(name = "early_taken", nullable = false, insertable = false, updatable = false)
    public int earlyTaken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Early-bird seats that an order placed at {@code now} could still get. */
    public int earlySeatsLeft(Instant now) {
        if (earlyAmount == null || !now.isBefore(earlyEndsAt)) {
            return 0;
        }
        return earlyQuota == null ? Integer.MAX_VALUE : Math.max(0, earlyQuota - earlyTaken);
    }
}
