package ch.frontdesk.admin;

import java.time.Instant;

/** The audit log as the admin reads it: newest first. */
public final class AuditList {

    private AuditList() {
    }

    public record AuditRow(Instant at, String actor, String action, String target, String clientAddress) {
    }

    static final AdminList<AuditRow> LIST = AdminList.of("audit",
                    "a.at, a.actor, a.action, a.target, a.client_address", "audit_entry a",
                    row -> new AuditRow(Rows.instant(row, "at"), row.getString("actor"), row.getString("action"),
                            row.getString("target"), row.getString("client_address")))
            // Written exactly as the trigram index audit_entry_search (V7).
            .search("(a.actor || ' ' || a.action || ' ' || coalesce(a.target, '')) ilike ?")
            .dateRange("a.at")
            .sort("at", "a.at")
            .defaultSort("-at", "a.id")
            .column("at", AuditRow::at)
            .column("actor", AuditRow::actor)
            .column("action", AuditRow::action)
            .column("target", AuditRow::target)
            .column("client_address", AuditRow::clientAddress);
}
