package ch.frontdesk.tickets;

import ch.frontdesk.tickets.TicketBodies.JoinWaitlist;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A waiting-list entry as a plain HTML form posts it (the shop's form, or one embedded in another site). It is
 * checked as the {@link JoinWaitlist} it maps to, so a form and a script get the same answer for the same mistake.
 * A quantity that is not a number is kept as an impossible one, which the check then refuses by name.
 */
public record WaitlistForm(
        @RestForm String email,
        @RestForm String name,
        @RestForm String type,
        @RestForm String quantity,
        @RestForm String lang) {

    JoinWaitlist request() {
        return new JoinWaitlist(email, name == null ? null : name.strip(), type, quantity(quantity), lang);
    }

    static Integer quantity(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
