package ch.frontdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pure logic, no Quarkus: which parts of a kept mail are secrets. */
class SecretRedactionTest {

    private static final String OFFER = "0fferC0de0fferC0de0fferC0de0ffer";

    @Test
    void everyTokenParameterIsRedactedWhateverFollowsIt() {
        SecretRedaction redaction = SecretRedaction.of("a?token=abcdefghijklmnopqrstuvwx&lang=en b?token=ABC_def-1234567890abcd.");

        assertThat(redaction.apply("a?token=abcdefghijklmnopqrstuvwx&lang=en b?token=ABC_def-1234567890abcd."))
                .isEqualTo("a?token=redacted&lang=en b?token=redacted.");
    }

    @Test
    void anOfferCodeIsRedactedInTheLinkAndWhereItIsPrintedInTheOtherPart() {
        String html = "<a href=\"https://shop?event=x&amp;offer=" + OFFER + "\">order</a>";
        String text = "Offer code: " + OFFER;
        SecretRedaction redaction = SecretRedaction.of(text, html);

        assertThat(redaction.apply(text)).isEqualTo("Offer code: redacted");
        assertThat(redaction.apply(html)).isEqualTo("<a href=\"https://shop?event=x&amp;offer=redacted\">order</a>");
    }

    @Test
    void wordsThatMerelyLookLikeAShortParameterElsewhereAreLeftAlone() {
        SecretRedaction redaction = SecretRedaction.of("see ?token=abc");

        assertThat(redaction.apply("see ?token=abc, abc is fine")).isEqualTo("see ?token=redacted, abc is fine");
    }

    @Test
    void headerValuesAreRedactedAndHeaderNamesKept() {
        Map<String, String> headers = Map.of("List-Unsubscribe", "<https://x/unsubscribe?token=" + OFFER + ">");

        assertThat(SecretRedaction.of(headers.values().toArray(String[]::new)).apply(headers))
                .containsEntry("List-Unsubscribe", "<https://x/unsubscribe?token=redacted>");
    }
}
