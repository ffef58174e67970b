package ch.frontdesk.support;

import ch.frontdesk.common.EmailAddress;
import ch.frontdesk.common.Money;
import ch.frontdesk.common.PlainText.MultiLine;
import ch.frontdesk.payment.PaymentMethod;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of paid support. */
public final class SupportBodies {

    private SupportBodies() {
    }

    public record TierView(String code, String name, String description, long amount, String currency,
            BillingInterval interval) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TierAdminView(String code, String name, String description, long amount, String currency,
            BillingInterval interval, boolean active) {
    }

    public record TierRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "must be lower-case letters, digits and dashes") String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) @MultiLine String description,
            @NotNull @Valid Money price,
            @NotNull @Pattern(regexp = "month|year|once", message = "must be month, year or once") String interval,
            Boolean active) {

        @AssertTrue(message = "must be more than zero")
        boolean isPricePositive() {
            return price == null || price.amount() == null || price.amount() > 0;
        }
    }

    public record PledgeRequest(
            @NotBlank @Size(max = 40) String tier,
            @EmailAddress String email,
            @Size(max = 200) String name,
            @NotNull(message = "must be true") @AssertTrue(message = "must be true") Boolean consent,
            @Pattern(regexp = "card|invoice", message = "must be card or invoice") String paymentMethod,
            @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*",
                    message = "must be a language code such as en, fr or de") String lang) {

        public PledgeRequest {
            email = email == null ? null : email.strip();
            name = name == null ? null : name.strip();
            lang = lang == null || lang.isBlank() ? null : lang.strip();
        }

        /** A pledge that states no language of its own. */
        public PledgeRequest(String tier, String email, String name, Boolean consent, String paymentMethod) {
            this(tier, email, name, consent, paymentMethod, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PledgeView(UUID id, String tier, PledgeStatus status, PaymentMethod paymentMethod, Money amount,
            BillingInterval interval, String paymentReference, Instant paymentDueAt, Instant currentPeriodEnd,
            Boolean cancelAtPeriodEnd, String checkoutUrl) {
    }

}
