package ch.frontdesk.support;

import ch.frontdesk.common.FormFields;
import ch.frontdesk.support.SupportBodies.PledgeRequest;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A pledge as a plain HTML form posts it, to {@code /support} or to the API. It is not validated here: the
 * {@link PledgeRequest} it maps to is, with the API's rules, so a form and a JSON client get the same problem for the
 * same mistake.
 */
public record PledgeForm(
        @RestForm String tier,
        @RestForm String email,
        @RestForm String name,
        @RestForm String consent,
        @RestForm String paymentMethod,
        @RestForm String lang) {

    PledgeRequest request() {
        return new PledgeRequest(tier, email, name, FormFields.checked(consent), blankToNull(paymentMethod), lang);
    }

    /** Whether the consent box was ticked, to show it ticked again when the form comes back with errors. */
    boolean consented() {
        return Boolean.TRUE.equals(FormFields.checked(consent));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
