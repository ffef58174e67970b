package ch.frontdesk.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Addresses that asked to be forgotten. Only a hash is kept: SHA-256 of the trimmed address lower-cased by the
 * database, with the very {@code lower()} that makes {@code contact.email_key}, so both always agree (Java's
 * lower-casing differs for a few letters).
 */
@ApplicationScoped
public class Suppressions {

    /** The hex SHA-256 of {@code lower(?1)}, as stored in {@code email_suppression.email_hash}. */
    static final String HASH = "encode(sha256(convert_to(lower(?1), 'UTF8')), 'hex')";

    /** Placeholders given to erased contacts; no mail server accepts the reserved {@code .invalid} domain. */
    public static final String ERASED_DOMAIN = "@erased.invalid";

    private final EntityManager em;
    private final Clock clock;

    Suppressions(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void suppress(String address) {
        em.createNativeQuery("insert into email_suppression (email_hash, created_at) values (" + HASH
                        + ", ?2) on conflict do nothing")
                .setParameter(1, address.strip()).setParameter(2, clock.instant())
                .executeUpdate();
    }

    /** The address opted in anew (it confirmed a newsletter sign-up): mail may reach it again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lift(String address) {
        em.createNativeQuery("delete from email_suppression where email_hash = " + HASH)
                .setParameter(1, address.strip())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isSuppressed(String address) {
        String trimmed = address.strip();
        if (trimmed.toLowerCase(java.util.Locale.ROOT).endsWith(ERASED_DOMAIN)) {
            return true;
        }
        return ((Number) em.createNativeQuery("select count(*) from email_suppression where email_hash = " + HASH)
                .setParameter(1, trimmed)
                .getSingleResult()).longValue() > 0;
    }
}
