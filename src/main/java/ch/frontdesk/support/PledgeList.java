package ch.frontdesk.support;

import ch.frontdesk.admin.AdminList;
import ch.frontdesk.admin.Rows;
import ch.frontdesk.common.Money;
import ch.frontdesk.contact.ContactList;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The admin's list of pledges. */
public final class PledgeList {

    private PledgeList() {
    }

    public record PledgeRow(UUID id, String email, String name, String tier, Money amount, String interval,
            String paymentMethod, String status, String paymentReference, Instant createdAt, Instant currentPeriodEnd) {
    }

    static final AdminList<PledgeRow> LIST = AdminList.of("pledges", """
                    p.public_id, c.email, c.name, t.code as tier, p.amount, p.currency, p.billing_interval,
                    p.payment_method, p.status, p.payment_reference, p.created_at, p.current_period_end""",
                    "pledge p join contact c on c.id = p.contact_id join support_tier t on t.id = p.tier_id",
                    row -> new PledgeRow(row.getObject("public_id", UUID.class), row.getString("email"),
                            row.getString("name"), row.getString("tier"), Rows.money(row, "amount", "currency"),
                            row.getString("billing_interval"), row.getString("payment_method"), row.getString("status"),
                            row.getString("payment_reference"), Rows.instant(row, "created_at"),
                            Rows.instant(row, "current_period_end")))
            .countFrom("pledge p")
            .oneOf("status", "p.status", Set.of("pending_payment", "active", "past_due", "cancelled", "expired"))
            .condition("tier", "p.tier_id in (select id from support_tier where code = ?)")
            .search(ContactList.searchCondition("c"))
            .dateRange("p.created_at")
            .sort("createdAt", "p.created_at")
            .sort("currentPeriodEnd", "p.current_period_end")
            .sort("amount", "p.amount")
            .sort("status", "p.status")
            .sort("tier", "t.code")
            .sort("email", "c.email_key")
            .defaultSort("-createdAt", "p.id")
            .column("id", PledgeRow::id)
            .column("email", PledgeRow::email)
            .column("name", PledgeRow::name)
            .column("tier", PledgeRow::tier)
            .column("amount", row -> Rows.decimal(row.amount()))
            .column("currency", row -> row.amount().currency())
            .column("interval", PledgeRow::interval)
            .column("payment_method", PledgeRow::paymentMethod)
            .column("status", PledgeRow::status)
            .column("payment_reference", PledgeRow::paymentReference)
            .column("created_at", PledgeRow::createdAt)
            .column("current_period_end", PledgeRow::currentPeriodEnd);
}
