package ch.frontdesk.tickets;

import ch.frontdesk.admin.AdminList;
import ch.frontdesk.admin.Rows;
import ch.frontdesk.common.Money;
import ch.frontdesk.contact.ContactList;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The admin's lists of ticket orders and of tickets. */
public final class OrderList {

    private OrderList() {
    }

    static final Set<String> STATUSES = Set.of("pending_payment", "confirmed", "cancelled", "expired");

    public record OrderRow(UUID id, String event, String buyerEmail, String buyerName, String status,
            String paymentMethod, Money total, String paymentReference, long tickets, Instant createdAt,
            Instant confirmedAt) {
    }

    /** One ticket; its code only once the order is confirmed, as the buyer sees it. */
    public record TicketRow(UUID orderId, String event, String type, String attendeeName, String attendeeEmail,
            Money price, String priceLabel, String orderStatus, String code, Instant checkedInAt) {
    }

    static final AdminList<OrderRow> ORDERS = AdminList.of("orders", """
                    o.public_id, e.slug, c.email, o.buyer_name, o.status, o.payment_method, o.total_amount, o.currency,
                    o.payment_reference, (select count(*) from ticket t where t.order_id = o.id) as tickets,
                    o.created_at, o.confirmed_at""",
                    "ticket_order o join event e on e.id = o.event_id join contact c on c.id = o.buyer_id",
                    row -> new OrderRow(row.getObject("public_id", UUID.class), row.getString("slug"),
                            row.getString("email"), row.getString("buyer_name"), row.getString("status"),
                            row.getString("payment_method"), Rows.money(row, "total_amount", "currency"),
                            row.getString("payment_reference"), row.getLong("tickets"), Rows.instant(row, "created_at"),
                            Rows.instant(row, "confirmed_at")))
            .countFrom("ticket_order o")
            .oneOf("status", "o.status", STATUSES)
            .condition("event", "o.event_id in (select id from event where slug = ?)")
            // The name typed on the order, or the buyer's address or contact name; each side has a trigram index.
            .search("o.id in (select id from ticket_order where buyer_name ilike ? union select b.id from ticket_order b"
                    + " join contact bc on bc.id = b.buyer_id where " + ContactList.searchCondition("bc") + ")")
            .dateRange("o.created_at")
            .sort("createdAt", "o.created_at")
            .sort("confirmedAt", "o.confirmed_at")
            .sort("total", "o.total_amount")
            .sort("status", "o.status")
            .sort("buyerName", "o.buyer_name")
            .sort("buyerEmail", "c.email_key")
            .defaultSort("-createdAt", "o.id")
            .column("id", OrderRow::id)
            .column("event", OrderRow::event)
            .column("buyer_email", OrderRow::buyerEmail)
            .column("buyer_name", OrderRow::buyerName)
            .column("status", OrderRow::status)
            .column("payment_method", OrderRow::paymentMethod)
            .column("total", row -> Rows.decimal(row.total()))
            .column("currency", row -> row.total().currency())
            .column("payment_reference", OrderRow::paymentReference)
            .column("tickets", OrderRow::tickets)
            .column("created_at", OrderRow::createdAt)
            .column("confirmed_at", OrderRow::confirmedAt);

    static final AdminList<TicketRow> TICKETS = AdminList.of("tickets", """
                    o.public_id, e.slug, tt.code as type, t.attendee_name, c.email, t.price_amount, o.currency,
                    t.price_label, o.status, case when o.status = 'confirmed' then t.code end as code, t.checked_in_at""",
                    """
                    ticket t join ticket_order o on o.id = t.order_id join ticket_type tt on tt.id = t.ticket_type_id
                    join event e on e.id = tt.event_id join contact c on c.id = t.attendee_id""",
                    row -> new TicketRow(row.getObject("public_id", UUID.class), row.getString("slug"),
                            row.getString("type"), row.getString("attendee_name"), row.getString("email"),
                            Rows.money(row, "price_amount", "currency"), row.getString("price_label"),
                            row.getString("status"), row.getString("code"), Rows.instant(row, "checked_in_at")))
            .countFrom("ticket t")
            // Written on the ticket's own column, so that counting needs no join.
            .condition("event", "t.ticket_type_id in (select x.id from ticket_type x join event xe on xe.id = x.event_id"
                    + " where xe.slug = ?)")
            .condition("type", "t.ticket_type_id in (select x.id from ticket_type x where x.code = ?)")
            .oneOf("status", "o.status", STATUSES)
            .search("t.id in (select id from ticket where attendee_name ilike ? union select a.id from ticket a"
                    + " join contact ac on ac.id = a.attendee_id where " + ContactList.searchCondition("ac") + ")")
            .dateRange("t.created_at")
            .sort("createdAt", "t.created_at")
            .sort("attendeeName", "t.attendee_name")
            .sort("attendeeEmail", "c.email_key")
            .sort("type", "tt.code")
            .sort("status", "o.status")
            .sort("checkedInAt", "t.checked_in_at")
            .defaultSort("-createdAt", "t.id")
            .column("order_id", TicketRow::orderId)
            .column("event", TicketRow::event)
            .column("type", TicketRow::type)
            .column("attendee_name", TicketRow::attendeeName)
            .column("attendee_email", TicketRow::attendeeEmail)
            .column("price", row -> Rows.decimal(row.price()))
            .column("currency", row -> row.price().currency())
            .column("price_label", TicketRow::priceLabel)
            .column("order_status", TicketRow::orderStatus)
            .column("code", TicketRow::code)
            .column("checked_in_at", TicketRow::checkedInAt);
}
