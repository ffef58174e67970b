package ch.frontdesk.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Issues and looks up emailed tokens. The raw token leaves only in the link; the database keeps its hash. */
@ApplicationScoped
public class AccessTokens {

    /** Our tokens are 32 characters; anything far longer is not one of them and is not worth hashing. */
    private static final int MAX_TOKEN_LENGTH = 128;

    private final Clock clock;

    AccessTokens(Clock clock) {
        this.clock = clock;
    }

    /** Issues a token for the subject; {@code validity} null means it does not expire. Returns the raw token. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(TokenPurpose purpose, long subjectId, Duration validity) {
        String raw = Tokens.newToken();
        AccessToken token = new AccessToken();
        token.purpose = purpose;
        token.tokenHash = Tokens.sha256(raw);
        token.subjectId = subjectId;
        token.createdAt = clock.instant();
        token.expiresAt = validity == null ? null : token.createdAt.plus(validity);
        token.persist();
        return raw;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AccessToken> find(TokenPurpose purpose, String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return AccessToken.<AccessToken>find("tokenHash = ?1 and purpose = ?2", Tokens.sha256(raw), purpose)
                .firstResultOptional();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long countIssuedSince(TokenPurpose purpose, long subjectId, Instant since) {
        return AccessToken.count("purpose = ?1 and subjectId = ?2 and createdAt > ?3", purpose, subjectId, since);
    }

    /** When the subject's tokens of {@code purpose} issued after {@code since} were issued, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Instant> issuedSince(TokenPurpose purpose, long subjectId, Instant since) {
        return AccessToken.<AccessToken>list("purpose = ?1 and subjectId = ?2 and createdAt > ?3 order by createdAt",
                purpose, subjectId, since).stream().map(t -> t.createdAt).toList();
    }

    /** Marks every unused token of the subject as used, so older links stop working. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeUnused(TokenPurpose purpose, long subjectId) {
        AccessToken.update("usedAt = ?1 where purpose = ?2 and subjectId = ?3 and usedAt is null",
                clock.instant(), purpose, subjectId);
    }
}
