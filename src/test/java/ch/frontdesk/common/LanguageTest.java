package ch.frontdesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LanguageTest {

    private static final ZoneId LAUSANNE = ZoneId.of("Europe/Zurich");

    @Test
    void aFormsLangWinsOverTheBrowsersLanguage() {
        assertThat(Language.resolve("fr", "de-CH,de;q=0.9")).isEqualTo(Language.FR);
        assertThat(Language.resolve("DE", null)).isEqualTo(Language.DE);
    }

    @Test
    void theBrowsersLanguagesAreTriedByWeight() {
        assertThat(Language.resolve(null, "it-CH, de;q=0.5, fr;q=0.8")).isEqualTo(Language.FR);
        assertThat(Language.resolve("", "fr-CH")).isEqualTo(Language.FR);
        assertThat(Language.resolve("xx", "de-AT")).isEqualTo(Language.DE);
    }

    @Test
    void englishWhenNothingUsableIsStated() {
        assertThat(Language.resolve(null, null)).isEqualTo(Language.EN);
        assertThat(Language.resolve("it", "it-CH, es")).isEqualTo(Language.EN);
        assertThat(Language.resolve(null, ";;;q=garbage")).isEqualTo(Language.EN);
        assertThat(Language.resolve(null, "fr;q=0")).isEqualTo(Language.EN);
    }

    @Test
    void aRequestThatStatesNoLanguageLeavesTheStoredOneAlone() {
        assertThat(Language.stated(null, null)).isEmpty();
        assertThat(Language.stated("it", null)).isEmpty();
        assertThat(Language.stated(null, "de")).contains(Language.DE);
    }

    @Test
    void moneyReadsAsEachLanguageWritesIt() {
        Money price = Money.of(39000, "CHF");
        assertThat(LocalFormat.money(price, Language.EN)).isEqualTo("CHF 390.00");
        assertThat(LocalFormat.money(price, Language.FR)).isEqualTo("390,00 CHF");
        assertThat(LocalFormat.money(price, Language.DE)).isEqualTo("CHF 390.00");
        Money large = Money.of(123456789, "EUR");
        assertThat(LocalFormat.money(large, Language.EN)).isEqualTo("EUR 1,234,567.89");
        assertThat(LocalFormat.money(large, Language.FR)).isEqualTo("1\u202f234\u202f567,89 EUR");
        assertThat(LocalFormat.money(large, Language.DE)).isEqualTo("EUR 1\u2019234\u2019567.89");
        assertThat(LocalFormat.money(Money.of(5, "CHF"), Language.FR)).isEqualTo("0,05 CHF");
    }

    @Test
    void datesAndTimesAreInTheEventsZoneAndTheReadersLanguage() {
        // 08:00 UTC is 09:00 in Lausanne in February.
        Instant opening = Instant.parse("2026-02-10T08:00:00Z");
        assertThat(LocalFormat.dateTime(opening, LAUSANNE, Language.EN)).isEqualTo("10 February 2026, 09:00 CET");
        assertThat(LocalFormat.dateTime(opening, LAUSANNE, Language.FR)).isEqualTo("10 février 2026, 09:00 CET");
        assertThat(LocalFormat.dateTime(opening, LAUSANNE, Language.DE)).isEqualTo("10. Februar 2026, 09:00 MEZ");
        // Late on the 9th in UTC is already the 10th in Lausanne.
        assertThat(LocalFormat.date(Instant.parse("2026-02-09T23:30:00Z"), LAUSANNE, Language.EN))
                .isEqualTo("10 February 2026");
    }

    @Test
    void anEventsDaysReadAsOneRange() {
        LocalDate first = LocalDate.of(2026, 2, 10);
        LocalDate last = LocalDate.of(2026, 2, 12);
        assertThat(LocalFormat.dateRange(first, last, Language.EN)).isEqualTo("10\u201312 February 2026");
        assertThat(LocalFormat.dateRange(first, last, Language.FR)).isEqualTo("10\u201312 février 2026");
        assertThat(LocalFormat.dateRange(first, last, Language.DE)).isEqualTo("10.\u201312. Februar 2026");
        assertThat(LocalFormat.dateRange(first, first, Language.EN)).isEqualTo("10 February 2026");
        assertThat(LocalFormat.dateRange(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 1), Language.EN))
                .isEqualTo("30 January 2026 \u2013 1 February 2026");
    }
}
