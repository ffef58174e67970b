package ch.frontdesk.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Empties the tables between tests. Admin accounts stay: the first admin is created once, at start. */
@ApplicationScoped
public class Database {

    private final EntityManager em;

    Database(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public void clear() {
        em.createNativeQuery("""
                truncate contact, consent_record, newsletter_subscription, newsletter_signup, access_token, outbox_message,
                         outbox_attachment, idempotency_record, event, ticket_type, voucher, ticket_order, ticket,
                         waitlist_entry, support_tier, pledge, pledge_payment, stripe_customer, stripe_event,
                         admin_session, login_failure, audit_entry, email_suppression,
                         queue_failure, unverified_mail
                         restart identity cascade""").executeUpdate();
        em.createNativeQuery("delete from app_user where username <> 'admin'").executeUpdate();
    }

    @Transactional
    public long count(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    @Transactional
    public Object single(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getSingleResult();
    }

    @Transactional
    public java.util.List<?> list(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    /** A statement that changes rows; how many. */
    @Transactional
    public int execute(String sql) {
        return em.createNativeQuery(sql).executeUpdate();
    }
}
