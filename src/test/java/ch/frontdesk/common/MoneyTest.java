package ch.frontdesk.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Amounts are counted in hundredths: only currencies whose ISO 4217 minor unit is two digits are taken. */
class MoneyTest {

    @Test
    void currenciesWithTwoDecimalsAreAcceptedAsIsoDefines() {
        assertThat(Currency.getInstance("CHF").getDefaultFractionDigits()).isEqualTo(2);
        assertThat(Money.hasTwoDecimals("CHF")).isTrue();
        assertThat(Money.hasTwoDecimals("EUR")).isTrue();
        assertThat(Money.hasTwoDecimals("USD")).isTrue();
    }

    @Test
    void currenciesWithOtherMinorUnitsOrUnknownCodesAreRefused() {
        assertThat(Currency.getInstance("JPY").getDefaultFractionDigits()).isZero();
        assertThat(Currency.getInstance("KWD").getDefaultFractionDigits()).isEqualTo(3);
        assertThat(Money.hasTwoDecimals("JPY")).isFalse();
        assertThat(Money.hasTwoDecimals("KWD")).isFalse();
        assertThat(Money.hasTwoDecimals("BHD")).isFalse();
        assertThat(Money.hasTwoDecimals("XXQ")).isFalse();
        assertThat(Money.hasTwoDecimals("chf")).isFalse();
        assertThat(Money.hasTwoDecimals(null)).isFalse();
    }

    @Test
    void theRefusalNamesTheFieldAndANullCurrencyIsLeftToNotNull() {
        assertThatThrownBy(() -> Money.requireTwoDecimals("price.currency", "JPY"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.toProblem().errors()).extracting(FieldError::field).containsExactly("price.currency");
                });
        Money.requireTwoDecimals("currency", null);
        Money.requireTwoDecimals("currency", "CHF");
    }

    @Test
    void anAmountIsShownWithIntegerArithmetic() {
        assertThat(Money.of(2505, "CHF").display()).isEqualTo("CHF 25.05");
        assertThat(Money.of(7, "EUR").display()).isEqualTo("EUR 0.07");
    }

    @Test
    void anAmountReadsTheSameWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            // Thai digits: a locale whose own numerals would change every amount in every email.
            Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
            assertThat(Money.of(39000, "CHF").display()).isEqualTo("CHF 390.00");
            assertThat(Money.of(5, "EUR").display()).isEqualTo("EUR 0.05");
        } finally {
            Locale.setDefault(before);
        }
    }
}
