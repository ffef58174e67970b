package ch.frontdesk.admin;

import ch.frontdesk.common.Money;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The dashboard's numbers, all read in one snapshot of the database. */
public record Stats(
        Instant at,
        Subscribers subscribers,
        List<PledgeCount> pledges,
        /* Active monthly and yearly pledges per month, a yearly one as a twelfth (rounded half-up); one-offs excluded. */
        List<Money> monthlyRecurringRevenue,
        List<TicketCount> tickets,
        List<EarlyBirdSeats> earlyBirdSeatsLeft,
        Revenue revenue,
        List<Day> days) {

    /** Subscriptions per status; the plans count the active subscribers ({@code paid}: with an active pledge). */
    public record Subscribers(Map<String, Long> byStatus, Map<String, Long> byPlan) {
    }

    public record PledgeCount(String tier, String status, long count) {
    }

    /** Tickets per event, type and the status of their order. */
    public record TicketCount(String event, String type, String status, long count) {
    }

    /** A ticket type whose early-bird window is open; {@code seatsLeft} is absent when its early-bird has no quota. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EarlyBirdSeats(String event, String type, Integer seatsLeft, Instant endsAt) {
    }

    /**
     * Money received: {@code tickets} sums the totals of confirmed orders (cancelled and refunded ones are not
     * counted), {@code pledges} every pledge payment recorded, {@code total} both, per currency.
     */
    public record Revenue(List<Money> tickets, List<Money> pledges, List<Money> total) {
    }

    /** One UTC day: new newsletter subscriptions, pledges created, tickets of orders confirmed that day. */
    public record Day(LocalDate day, long signups, long pledges, long ticketsSold) {
    }
}
