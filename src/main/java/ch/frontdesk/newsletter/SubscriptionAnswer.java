package ch.frontdesk.newsletter;

/** The answer to every newsletter action: the subscription's status afterwards. */
public record SubscriptionAnswer(SubscriptionStatus status) {
}
