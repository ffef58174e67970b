package ch.frontdesk.payment;

import java.time.Instant;
import java.util.Map;

/**
 * A card subscription as the provider holds it at the moment it was read.
 *
 * @param currentPeriodEnd the end of the paid period, null when the provider gave none
 * @param metadata         what we put on the checkout that created it ({@code pledge})
 */
public record Subscription(String id, State state, Instant currentPeriodEnd, boolean cancelAtPeriodEnd,
        Map<String, String> metadata) {

    public enum State {
        /** Paid up (or in a trial). */
        ACTIVE,
        /** A renewal was not paid; the provider is still retrying the card. */
        PAST_DUE,
        /** Ended: nothing more will be charged. */
        ENDED,
        /** Not yet paid for the first time, or a state we do not act on. */
        OTHER
    }
}
