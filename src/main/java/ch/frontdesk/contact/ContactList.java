package ch.frontdesk.contact;

import ch.frontdesk.admin.AdminList;
import ch.frontdesk.admin.Rows;
import java.time.Instant;

/** The admin's list of contacts: one row per address, with what that person has with us. */
public final class ContactList {

    private ContactList() {
    }

    /**
     * The condition "this contact's email or name contains the pattern" for a contact table aliased {@code alias}.
     * It is written exactly as the trigram index {@code contact_search} (V7), so every list searching people uses it.
     */
    public static String searchCondition(String alias) {
        return "(" + alias + ".email || ' ' || coalesce(" + alias + ".name, '')) ilike ?";
    }

    /** One contact. {@code subscription} is the newsletter status, null when never subscribed. */
    public record ContactRow(long id, String email, String name, Instant createdAt, String subscription,
            boolean hasPledges, long orders) {
    }

    public static final AdminList<ContactRow> LIST = AdminList.of("contacts",
                    "c.id, c.email, c.name, c.created_at, s.status, "
                            + "exists (select 1 from pledge p where p.contact_id = c.id" + AdminList.PER_ROW + ") as has_pledges, "
                            + "(select count(*) from ticket_order o where o.buyer_id = c.id) as orders",
                    "contact c left join newsletter_subscription s on s.contact_id = c.id",
                    row -> new ContactRow(row.getLong("id"), row.getString("email"), row.getString("name"),
                            Rows.instant(row, "created_at"), row.getString("status"), row.getBoolean("has_pledges"),
                            row.getLong("orders")))
            .countFrom("contact c")
            .search(searchCondition("c"))
            .dateRange("c.created_at")
            .sort("createdAt", "c.created_at")
            .sort("email", "c.email_key")
            .sort("name", "c.name")
            .defaultSort("-createdAt", "c.id")
            .column("id", ContactRow::id)
            .column("email", ContactRow::email)
            .column("name", ContactRow::name)
            .column("created_at", ContactRow::createdAt)
            .column("subscription", ContactRow::subscription)
            .column("has_pledges", ContactRow::hasPledges)
            .column("orders", ContactRow::orders);
}
