package ch.frontdesk.tickets;

import ch.frontdesk.common.AccessToken;
import ch.frontdesk.common.AccessTokens;
import ch.frontdesk.common.FrontdeskConfig;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.common.TokenPurpose;
import ch.frontdesk.common.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * The buyer's way back to an order: one token per order, the same in every email of it, so a buyer with three
 * emails has one link, not three. It works until a day after the event (configurable) and no longer.
 */
@ApplicationScoped
class OrderAccess {

    private final AccessTokens legacyTokens;
    private final FrontdeskConfig frontdesk;
    private final TicketsConfig config;
    private final Clock clock;

    OrderAccess(AccessTokens legacyTokens, FrontdeskConfig frontdesk, TicketsConfig config, Clock clock) {
        this.legacyTokens = legacyTokens;
        this.frontdesk = frontdesk;
        this.config = config;
        this.clock = clock;
    }

    static String newToken() {
        return Tokens.newToken();
    }

    /** The order page with the order's token: the link of every email about the order. */
    String link(TicketOrder order) {
        return frontdesk.link("/orders/" + order.publicId + "?token=" + order.accessToken);
    }

    /** The end of the order link: the configured time after the event's last day, in the event's time zone. */
    Instant linkExpiresAt(Event event) {
        return event.endsOn.plusDays(1).atStartOfDay(ZoneId.of(event.timezone)).toInstant()
                .plus(config.orderLinkAfterEvent());
    }

    /**
     * The order the token opens, locked if asked. A wrong token gets the answer of an unknown order, so it
     * reveals nothing; the right token after the event gets 410, so its holder knows why.
     */
    TicketOrder authorize(UUID id, String token, boolean lock) {
        TicketOrder order = TicketOrder.<TicketOrder>find("publicId", id)
                .withLock(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .firstResultOptional()
                .orElseThrow(OrderAccess::noSuchOrder);
        if (!opens(order, token)) {
            throw noSuchOrder();
        }
        if (!clock.instant().isBefore(linkExpiresAt(Event.findById(order.eventId)))) {
            throw new ProblemException(410, "order-link-expired", "Order link expired",
                    "This order link stopped working when the event was over.");
        }
        return order;
    }

    private boolean opens(TicketOrder order, String token) {
        if (token == null) {
            return false;
        }
        if (MessageDigest.isEqual(order.accessToken.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        // Links mailed before orders had a token of their own (one hashed token per email) keep working.
        Optional<AccessToken> legacy = legacyTokens.find(TokenPurpose.ORDER_ACCESS, token);
        return legacy.isPresent() && legacy.get().subjectId == order.id;
    }

    private static ProblemException noSuchOrder() {
        return ProblemException.notFound("There is no such order.");
    }
}
