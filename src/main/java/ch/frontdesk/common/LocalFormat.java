package ch.frontdesk.common;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Money, dates and times as a reader of each language expects them, always with an explicit locale and an explicit
 * time zone (the event's), never the JVM's defaults. The number symbols are spelled out here rather than taken from
 * the JDK's locale data, which changes between Java versions (French grouping, for one, went from a space to a
 * narrow no-break space).
 *
 * <ul>
 * <li>English: {@code CHF 1,390.00}, {@code 10 February 2026, 09:00 CET}</li>
 * <li>French: {@code 1 390,00 CHF}, {@code 10 février 2026, 09:00 CET}</li>
 * <li>German: {@code CHF 1’390.00}, {@code 10. Februar 2026, 09:00 CET}</li>
 * </ul>
 */
public final class LocalFormat {

    private LocalFormat() {
    }

    /** The amount with its currency, placed and punctuated per language. */
    public static String money(Money money, Language language) {
        String number = number(money.amount(), language);
        return switch (language) {
            case FR -> number + " " + money.currency();
            case EN, DE -> money.currency() + " " + number;
        };
    }

    /** A date such as {@code 10 February 2026}. */
    public static String date(LocalDate date, Language language) {
        return DateTimeFormatter.ofPattern(datePattern(language), language.locale()).format(date);
    }

    /** The day an instant falls on in {@code zone}. */
    public static String date(Instant instant, ZoneId zone, Language language) {
        return date(instant.atZone(zone).toLocalDate(), language);
    }

    /** A moment in {@code zone}, with the zone's short name: {@code 10 February 2026, 09:00 CET}. */
    public static String dateTime(Instant instant, ZoneId zone, Language language) {
        return DateTimeFormatter.ofPattern(datePattern(language) + ", HH:mm z", language.locale())
                .format(instant.atZone(zone));
    }

    /** The days an event runs: {@code 10–12 February 2026}, or the two dates in full when months differ. */
    public static String dateRange(LocalDate first, LocalDate last, Language language) {
        if (first.equals(last)) {
            return date(first, language);
        }
        if (first.getYear() == last.getYear() && first.getMonth() == last.getMonth()) {
            String day = language == Language.DE ? "d." : "d";
            return DateTimeFormatter.ofPattern(day, language.locale()).format(first) + "\u2013" + date(last, language);
        }
        return date(first, language) + " \u2013 " + date(last, language);
    }

    private static String datePattern(Language language) {
        return language == Language.DE ? "d. MMMM yyyy" : "d MMMM yyyy";
    }

    private static String number(long minorUnits, Language language) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(java.util.Locale.ROOT);
        switch (language) {
            case EN -> {
                symbols.setGroupingSeparator(',');
                symbols.setDecimalSeparator('.');
            }
            case FR -> {
                symbols.setGroupingSeparator('\u202f');
                symbols.setDecimalSeparator(',');
            }
            case DE -> {
                symbols.setGroupingSeparator('\u2019');
                symbols.setDecimalSeparator('.');
            }
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        return format.format(BigDecimal.valueOf(minorUnits, 2));
    }
}
