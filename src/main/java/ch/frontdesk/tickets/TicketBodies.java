package ch.frontdesk.tickets;

import ch.frontdesk.common.EmailAddress;
import ch.frontdesk.payment.PaymentMethod;

import ch.frontdesk.common.Money;
import ch.frontdesk.common.PlainText.MultiLine;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The request and response bodies of the ticket API, public and admin: records, validated on the way in. */
public final class TicketBodies {

    private TicketBodies() {
    }

    static final String CODE = "[a-z0-9][a-z0-9-]{0,39}";
    /**
     * A {@code lang} is a language tag ({@code fr}, {@code fr-CH}); one Frontdesk does not speak is ignored and
     * {@code Accept-Language} decides, as when there is none.
     */
    static final int LANG_MAX = 35;

    // --- public ---

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventSummary(String slug, String name, LocalDate startsOn, LocalDate endsOn, String venue,
            String timezone) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventDetail(String slug, String name, LocalDate startsOn, LocalDate endsOn, String venue,
            String timezone, boolean salesOpen, List<TicketTypeView> ticketTypes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TicketTypeView(String code, String name, String description, Money price, String priceLabel,
            Instant earlyBirdEndsAt, boolean available, int maxPerOrder) {
    }

    public record Person(
            @EmailAddress String email,
            @NotBlank @Size(max = 200) String name) {

        public Person {
            email = email == null ? null : email.strip();
            name = name == null ? null : name.strip();
        }
    }

    public record TicketRequest(@NotBlank @Size(max = 40) String type, @NotNull @Valid Person attendee) {
    }

    public record PlaceOrder(
            @NotNull @Valid Person buyer,
            @NotEmpty @Size(max = 100) List<@NotNull @Valid TicketRequest> tickets,
            @Size(max = 64) String voucher,
            @Pattern(regexp = "invoice|card", message = "must be invoice or card") String paymentMethod,
            @NotNull(message = "must be true") @AssertTrue(message = "must be true") Boolean consent,
            @Size(max = 64) String waitlistOffer,
            @Size(max = LANG_MAX) String lang) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderView(UUID id, String event, OrderStatus status, Money total, PaymentMethod paymentMethod,
            String paymentReference, Instant expiresAt, String checkoutUrl, List<TicketView> tickets) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TicketView(String type, Money price, String priceLabel, Attendee attendee, String code,
            Instant checkedInAt) {
    }

    public record Attendee(String name, String email) {
    }

    public record CancelAnswer(OrderStatus status) {
    }

    public record JoinWaitlist(
            @EmailAddress String email,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 40) String type,
            @Min(1) @Max(20) Integer quantity,
            @Size(max = LANG_MAX) String lang) {

        public JoinWaitlist {
            email = email == null ? null : email.strip();
        }
    }

    public record Accepted(String status) {
    }

    // --- admin ---

    public record EventRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be lower-case letters, digits and dashes") String slug,
            @NotBlank @Size(max = 200) String name,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotBlank @Size(max = 300) String venue,
            @NotBlank @Size(max = 60) String timezone,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CHF") String currency,
            Instant salesStart,
            Instant salesEnd) {
    }

    public record EarlyBird(@NotNull @PositiveOrZero Long amount, @NotNull Instant endsAt, @PositiveOrZero Integer quota) {
    }

    public record TicketTypeRequest(
            @NotBlank @Pattern(regexp = CODE, message = "must be lower-case letters, digits and dashes") String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) @MultiLine String description,
            @NotNull @PositiveOrZero @Max(1_000_000) Integer capacity,
            @NotNull @Valid Money price,
            @Valid EarlyBird earlyBird,
            @Min(1) @Max(100) Integer maxPerOrder) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TicketTypeAdminView(String code, String name, String description, int capacity, Money price,
            EarlyBird earlyBird, int maxPerOrder, int sold, int held, int earlyBirdTaken) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventAdminView(String slug, String name, LocalDate startsOn, LocalDate endsOn, String venue,
            String timezone, String currency, Instant salesStart, Instant salesEnd,
            List<TicketTypeAdminView> ticketTypes) {
    }

    public record Discount(@Min(1) @Max(100) Integer percent, @Positive Long amount) {
        @AssertTrue(message = "must have either percent or amount")
        boolean isOneKind() {
            return (percent == null) != (amount == null);
        }
    }

    /** Without {@code code}, a code that cannot be guessed is generated and returned. */
    public record VoucherRequest(
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be letters, digits, dashes or underscores") String code,
            @NotBlank String event,
            List<@NotBlank String> types,
            @NotNull @Valid Discount discount,
            @NotNull @Min(1) @Max(100_000) Integer maxUses) {
    }

    /** What an organiser may change on a voucher: how many uses it has, and whether it takes new orders. */
    public record VoucherChange(@NotNull @Min(1) @Max(100_000) Integer maxUses, Boolean active) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VoucherView(String code, String event, List<String> types, Discount discount, int maxUses, int used,
            boolean active) {
    }

    /** {@code event}, the slug of the event at this door, refuses tickets of any other event. */
    public record CheckinRequest(@NotBlank @Size(max = 128) String code, @Size(max = 80) String event) {
    }

    public record CheckinView(String attendee, String type, Instant checkedInAt) {
    }

    /** For the door screen: tickets let in so far, of the tickets of confirmed orders. */
    public record CheckinStats(long checkedIn, long confirmedTickets) {
    }

    /**
     * One order as the admin sees it on the dashboard: everything, whatever the status; {@code voidReason} and
     * {@code voidedAt} say why and since when its tickets let nobody in (a refund or a dispute).
     */
    public record AdminOrderView(UUID id, String event, OrderStatus status, PaymentMethod paymentMethod, Money total,
            String paymentReference, Buyer buyer, Instant expiresAt, Instant createdAt, Instant confirmedAt,
            Instant cancelledAt, Instant refundedAt, String voidReason, Instant voidedAt,
            List<AdminTicketView> tickets) {
    }

    public record Buyer(String email, String name) {
    }

    public record AdminTicketView(String type, Attendee attendee, Money price, String priceLabel, String code,
            Instant checkedInAt, String voidReason, Instant voidedAt) {
    }
}
