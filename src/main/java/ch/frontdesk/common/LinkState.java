package ch.frontdesk.common;

/** What following an emailed link would do now; the page behind the link shows it before any button is pressed. */
public enum LinkState {
    /** The button will work. */
    USABLE,
    /** Already done: confirmed, unsubscribed, cancelled. */
    DONE,
    /** Expired or revoked. */
    EXPIRED,
    /** Not one of our links. */
    UNKNOWN
}
