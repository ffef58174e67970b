package ch.frontdesk.newsletter;

import ch.frontdesk.common.EmailAddress;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A sign-up from a web form. {@code website} is a honeypot that people never see and bots fill in. {@code lang} is
 * the language the form was shown in ({@code en}, {@code fr}, {@code de}); a code Frontdesk does not speak counts as
 * none stated, so a form in another language still signs its reader up.
 */
public record SubscribeRequest(
        @EmailAddress
        String email,
        @Size(max = 200) String name,
        @NotNull(message = "must be true") @AssertTrue(message = "must be true") Boolean consent,
        @Size(max = 100) String source,
        String website,
        String lang) {

    public SubscribeRequest {
        email = email == null ? null : email.strip();
        name = name == null ? null : name.strip();
    }

    boolean isFromBot() {
        return website != null && !website.isBlank();
    }
}
