package ch.frontdesk.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes public creating POSTs safe to retry. The key is claimed in the transaction of the work it guards:
 * a second request with the same key waits on the first one's row, then replays its stored answer; if the
 * first one rolled back, the second one does the work itself. A caller that claims in a transaction of its own
 * (to call a payment provider before storing anything) holds the key for a short lease only: if it dies before
 * completing, a retry with the same body takes the key over once the lease is over, instead of being refused for
 * as long as the key is remembered.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    /** How long a key is remembered. */
    private static final Duration RETENTION = Duration.ofHours(24);

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration lease;

    Idempotency(EntityManager em, ObjectMapper json, Clock clock,
            @ConfigProperty(name = "frontdesk.idempotency.lease", defaultValue = "30s") Duration lease) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.lease = lease;
    }

    /** The first answer given for a key. */
    public record StoredResponse(int status, String body) {
    }

    /** Rejects keys outside the contract's 1 to 255 characters. A missing key is allowed. */
    public static void validateKey(String key) {
        if (key != null && (key.isEmpty() || key.length() > 255)) {
            throw ProblemException.invalid(HEADER, "must be between 1 and 255 characters");
        }
    }

    /**
     * Claims {@code key} for a request whose content is {@code request}. Empty: the caller does the work and
     * then calls {@link #complete}. Present: the answer to replay. A key reused with another request is 422.
     * A key still in progress within its lease is 409 (from {@link #read}); past its lease, the same request
     * takes it over and does the work.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredResponse> claim(String scope, String key, Object request) {
        String requestHash = Tokens.sha256(canonical(request));
        Instant now = clock.instant();
        int claimed = em.createNativeQuery("""
                insert into idempotency_record (scope, idem_key, request_hash, created_at, lease_until)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (scope, idem_key) do update set created_at = excluded.created_at,
                                                          lease_until = excluded.lease_until
                where idempotency_record.response_status is null
                  and idempotency_record.request_hash = excluded.request_hash
                  and (idempotency_record.lease_until is null or idempotency_record.lease_until <= ?4)""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, requestHash)
                .setParameter(4, now).setParameter(5, now.plus(lease))
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select request_hash, response_status, response_body from idempotency_record
                where scope = ?1 and idem_key = ?2""")
                .setParameter(1, scope).setParameter(2, key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!requestHash.equals(row[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was already used with a different request.");
        }
        int status = row[1] == null ? 0 : ((Number) row[1]).intValue();
        return Optional.of(new StoredResponse(status, (String) row[2]));
    }

    /** Stores the answer to replay for the key, in the same transaction as the work. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String scope, String key, int status, Object body) {
        em.createNativeQuery("""
                update idempotency_record set response_status = ?1, response_body = ?2
                where scope = ?3 and idem_key = ?4""")
                .setParameter(1, status).setParameter(2, canonical(body))
                .setParameter(3, scope).setParameter(4, key)
                .executeUpdate();
    }

    /** Forgets a claimed key whose request failed, so the client can retry with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String scope, String key) {
        em.createNativeQuery("delete from idempotency_record where scope = ?1 and idem_key = ?2 and response_status is null")
                .setParameter(1, scope).setParameter(2, key).executeUpdate();
    }

    public <T> T read(StoredResponse stored, Class<T> type) {
        if (stored.body() == null) {
            throw ProblemException.conflict("idempotency-key-in-use", "Idempotency key in use",
                    "A request with this Idempotency-Key is still being handled; retry in a moment.");
        }
        try {
            return json.readValue(stored.body(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored idempotent response could not be read", e);
        }
    }

    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void forgetOldKeys() {
        Instant cutoff = clock.instant().minus(RETENTION);
        em.createNativeQuery("delete from idempotency_record where created_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }

    private String canonical(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A request could not be written as JSON", e);
        }
    }
}
