package ch.frontdesk.support;

import ch.frontdesk.common.Language;
import ch.frontdesk.web.FormTexts;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Optional;

/**
 * Support's texts in one language, for what Java words itself (mail subjects, the consent record, the line on
 * Stripe's page, how often a tier is paid), and support's own wording of what is wrong with a pledge form.
 */
final class SupportTexts implements FormTexts {

    private final SupportMessages words;

    private SupportTexts(SupportMessages words) {
        this.words = words;
    }

    /** The support bundle in {@code language}. */
    static SupportMessages in(Language language) {
        return MessageBundles.get(SupportMessages.class, Localized.Literal.of(language.code()));
    }

    /** The pledge form's own field and problem texts in {@code language}. */
    static FormTexts form(Language language) {
        return new SupportTexts(in(language));
    }

    /** How often a tier is paid, after its amount: {@code per month}, {@code pro Jahr}, {@code une fois}. */
    static String interval(BillingInterval interval, Language language) {
        SupportMessages words = in(language);
        return switch (interval) {
            case MONTH -> words.interval_month();
            case YEAR -> words.interval_year();
            case ONCE -> words.interval_once();
        };
    }

    @Override
    public Optional<String> forField(String field) {
        return switch (field) {
            case "tier" -> Optional.of(words.field_tier());
            case "paymentMethod" -> Optional.of(words.field_payment_method());
            default -> Optional.empty();
        };
    }

    @Override
    public Optional<String> forProblem(String slug) {
        return switch (slug) {
            // The one 429 of a pledge form is either the daily cap on mail to this address or the network's rate.
            case "too-many-requests" -> Optional.of(words.problem_too_many_requests());
            case "payment-method-unavailable" -> Optional.of(words.problem_payment_method_unavailable());
            case "payment-provider-unavailable" -> Optional.of(words.problem_payment_provider_unavailable());
            default -> Optional.empty();
        };
    }
}
