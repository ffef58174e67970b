package ch.frontdesk.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Writes the append-only audit log: who changed what, when, from which address. */
@ApplicationScoped
public class AuditLog {

    /** The actor of entries the service writes on its own, such as an account lock. */
    public static final String SYSTEM = "system";

    private final EntityManager em;
    private final Clock clock;

    AuditLog(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records an entry in a transaction of its own, so it stays even when the caller's work is rolled back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actor, String action, String target, String clientAddress) {
        em.createNativeQuery("""
                insert into audit_entry (at, actor, action, target, client_address) values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, clock.instant()).setParameter(2, actor).setParameter(3, action)
                .setParameter(4, target).setParameter(5, clientAddress).executeUpdate();
    }
}
