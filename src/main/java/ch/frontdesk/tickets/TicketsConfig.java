package ch.frontdesk.tickets;

import ch.frontdesk.payment.BankAccount;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/** How ticket sales behave. */
@ConfigMapping(prefix = "frontdesk.tickets")
public interface TicketsConfig {

    /** How long the link that confirms a waiting-list entry works; an unconfirmed entry never gets an offer. */
    @WithDefault("48h")
    Duration waitlistConfirmationValidity();

    /** Wrong vouchers one client network may try within {@link #voucherFailureWindow()} before it must wait. */
    @WithDefault("10")
    int voucherFailuresAllowed();

    /** The window over which wrong vouchers are counted (and refilled evenly), per client network. */
    @WithDefault("15m")
    Duration voucherFailureWindow();

    /** How long an unpaid card order holds its seats. */
    @WithDefault("30m")
    Duration cardHold();

    /**
     * How long an unpaid invoice order holds its seats: time for a bank transfer to arrive, and short enough that
     * held seats that will never be paid go back to sale within days.
     */
    @WithDefault("5d")
    Duration invoiceHold();

    /** Buyers may cancel until this long before the event starts. */
    @WithDefault("7d")
    Duration cancellationDeadline();

    /** How long after the event's last day the order link in its emails keeps working. */
    @WithDefault("1d")
    Duration orderLinkAfterEvent();

    /** Order requests one client address may make per minute. */
    @WithDefault("60")
    int ordersPerMinute();

    /** How long a waiting-list offer holds its seats. */
    @WithDefault("48h")
    Duration waitlistOfferValidity();

    /** How often unpaid orders are expired and lapsed waiting-list offers passed on. */
    @WithDefault("30s")
    String jobsEvery();

    /**
     * The shop shows "few seats left" on a ticket type with this many seats left or fewer (and more than none); 0
     * never shows it.
     */
    @WithDefault("20")
    @Min(0)
    int fewSeatsLeft();

    /**
     * An organiser's own ticket shop, if they run one: waiting-list offers then link to
     * {@code <shop-url>?event=<slug>&offer=<token>&lang=<lang>}. When unset, offers link to this service's own shop
     * page, {@code <public-url>/events/<slug>?offer=<token>&lang=<lang>}, which holds the offered seats for the order.
     */
    Optional<String> shopUrl();

    /** The organiser's bank account, printed on invoice orders. */
    BankAccount bank();

    /** Seats one buyer email may hold at once in unpaid orders (any payment method); paying or cancelling frees them. */
    @WithDefault("10")
    int maxUnpaidSeatsPerBuyer();

    /** Seats one client network (an IPv4 address, an IPv6 /64) may hold at once in unpaid orders. */
    @WithDefault("30")
    int maxUnpaidSeatsPerNetwork();

    /** How long before an unpaid invoice order's hold lapses its buyer is reminded to pay, once. */
    @WithDefault("2d")
    Duration invoiceReminderBefore();

    /**
     * How many rows ({@code seat_bucket}) a ticket type's seats are split over at most, so that concurrent buyers of
     * one type do not all wait on one row lock. Small types get fewer, at least 8 seats each. A change applies to
     * types created or resized afterwards.
     */
    @WithDefault("32")
    @Min(1)
    @Max(1000)
    int seatBuckets();
}
