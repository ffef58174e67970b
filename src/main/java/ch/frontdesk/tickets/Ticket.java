package ch.frontdesk.tickets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One seat in an order, for one attendee, at the price fixed when the order was placed. */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    public static final String EARLY_BIRD = "early-bird";
    public static final String REGULAR = "regular";
    /** Why a ticket was voided: its payment was refunded, or disputed with the card issuer. */
    public static final String REFUNDED = "refunded";
    public static final String DISPUTED = "disputed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id", nullable = false)
    public long orderId;

    @Column(name = "ticket_type_id", nullable = false)
    public long ticketTypeId;

    @Column(name = "attendee_id", nullable = false)
    public long attendeeId;

    @Column(name = "attendee_name", nullable = false)
    public String attendeeName;

    @Column(name = "price_amount", nullable = false)
    public long priceAmount;

    @Column(name = "price_label", nullable = false)
    public String priceLabel;

    /** Whether this seat counts against the early-bird quota (given back if the order is released). */
    @Column(name = "early_bird_seat", nullable = false)
    public boolean earlyBirdSeat;

    /** The {@code seat_bucket} of its type that counts this ticket's seat. */
    @Column(name = "seat_bucket", nullable = false)
    public short seatBucket;

    @Column(name = "voucher_used", nullable = false)
    public boolean voucherUsed;

    /** Set when the order is confirmed; what the QR code on the ticket carries. */
    public String code;

    @Column(name = "checked_in_at")
    public Instant checkedInAt;

    /** When the ticket was voided ({@link #voidReason} says why); a void ticket lets nobody in. */
    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "void_reason")
    public String voidReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
