package ch.frontdesk.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** An amount in minor units (centimes), as Stripe counts, with its ISO 4217 currency. Never a double. */
public record Money(
        @NotNull @PositiveOrZero @Max(100_000_000_00L) Long amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CHF") String currency) {

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }

    /** For emails: {@code CHF 25.00}. */
    public String display() {
        return String.format("%s %d.%02d", currency, amount / 100, amount % 100);
    }
}
