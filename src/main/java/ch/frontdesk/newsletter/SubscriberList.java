package ch.frontdesk.newsletter;

import ch.frontdesk.admin.AdminList;
import ch.frontdesk.admin.Rows;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.contact.ContactList;
import java.time.Instant;
import java.util.Set;

/** The admin's list of newsletter subscribers. */
public final class SubscriberList {

    private SubscriberList() {
    }

    /** The plan is not stored: a subscriber is on the paid plan while the same contact has an active pledge. */
    private static final String PAID = "exists (select 1 from pledge p where p.contact_id = s.contact_id and p.status = 'active')";

    public record Subscriber(String email, String name, String status, String plan, Instant createdAt,
            Instant confirmedAt, Instant unsubscribedAt) {
    }

    static final AdminList<Subscriber> LIST = AdminList.of("subscribers",
                    "c.email, c.name, s.status, case when exists (select 1 from pledge p where p.contact_id = s.contact_id"
                            + " and p.status = 'active'" + AdminList.PER_ROW + ") then 'paid' else 'free' end as plan, "
                            + "s.created_at, s.confirmed_at, s.unsubscribed_at",
                    "newsletter_subscription s join contact c on c.id = s.contact_id",
                    row -> new Subscriber(row.getString("email"), row.getString("name"), row.getString("status"),
                            row.getString("plan"), Rows.instant(row, "created_at"), Rows.instant(row, "confirmed_at"),
                            Rows.instant(row, "unsubscribed_at")))
            .countFrom("newsletter_subscription s")
            .oneOf("status", "s.status", Set.of("pending", "active", "unsubscribed"))
            .filter("plan", (parameter, value, where) -> {
                switch (value) {
                    case "paid" -> where.and(PAID);
                    case "free" -> where.and("not " + PAID);
                    default -> throw ProblemException.invalid(parameter, "must be one of free, paid");
                }
            })
            .search(ContactList.searchCondition("c"))
            .dateRange("s.created_at")
            .sort("createdAt", "s.created_at")
            .sort("confirmedAt", "s.confirmed_at")
            .sort("unsubscribedAt", "s.unsubscribed_at")
            .sort("email", "c.email_key")
            .sort("name", "c.name")
            .sort("status", "s.status")
            .defaultSort("-createdAt", "s.id")
            .column("email", Subscriber::email)
            .column("name", Subscriber::name)
            .column("status", Subscriber::status)
            .column("plan", Subscriber::plan)
            .column("created_at", Subscriber::createdAt)
            .column("confirmed_at", Subscriber::confirmedAt)
            .column("unsubscribed_at", Subscriber::unsubscribedAt);
}
