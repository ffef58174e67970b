package ch.frontdesk.support;

import ch.frontdesk.common.FormFields;
import ch.frontdesk.support.SupportBodies.PledgeRequest;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A pledge as the plain HTML form on {@code /support} posts it. It is not validated here:
 * {@link PledgeService#pledge} validates the {@link PledgeRequest} it maps to, so a form and a JSON client get the
 * same problem for the same mistake.
 */
public record PledgeForm(
        @RestForm String tier,
        @RestForm String email,
        @RestForm String name,
        @RestForm String consent,
        @RestForm String paymentMethod) {

    PledgeRequest request() {
        return new PledgeRequest(tier, email, name, FormFields.checked(consent), paymentMethod);
    }
}
