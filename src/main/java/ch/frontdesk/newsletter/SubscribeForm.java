package ch.frontdesk.newsletter;

import ch.frontdesk.common.FormFields;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A sign-up as a plain HTML form posts it. It is not validated here: {@link SignupIntake#accept} validates
 * the {@link SubscribeRequest} it maps to, so a form and a JSON client get the same problem for the same mistake.
 */
public record SubscribeForm(
        @RestForm String email,
        @RestForm String name,
        @RestForm String consent,
        @RestForm String source,
        @RestForm String website,
        @RestForm String lang) {

    SubscribeRequest request() {
        return new SubscribeRequest(email, name, FormFields.checked(consent), source, website, lang);
    }
}
