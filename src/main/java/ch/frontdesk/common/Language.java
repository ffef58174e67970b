package ch.frontdesk.common;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Frontdesk speaks: every page and every email exists in each. A person's language is stored on their
 * contact and used for every later email to them.
 */
public enum Language {
    EN("en", Locale.forLanguageTag("en-CH")),
    FR("fr", Locale.forLanguageTag("fr-CH")),
    DE("de", Locale.forLanguageTag("de-CH"));

    /** What a request that states no language gets. */
    public static final Language DEFAULT = EN;

    private final String code;
    private final Locale locale;

    /** Stored as its code, the spelling of the schema's check constraint. */
    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends LowercaseEnumConverter<Language> {
        public DbConverter() {
            super(Language.class);
        }
    }

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** The code forms, links and the database use: {@code en}, {@code fr}, {@code de}. */
    public String code() {
        return code;
    }

    /** The locale for Qute's message bundles and for month and day names; Swiss, as the readers are. */
    public Locale locale() {
        return locale;
    }

    /** The language with this code ({@code fr}, {@code FR}, {@code fr-CH}), if Frontdesk speaks it. */
    public static Optional<Language> of(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String primary = code.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code.equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The language a request states: its {@code lang} field or parameter when Frontdesk speaks it, else the first
     * language of {@code Accept-Language} (by weight) that it speaks. Empty when neither names one, so that a
     * script sending neither does not change a person's stored language.
     */
    public static Optional<Language> stated(String lang, String acceptLanguage) {
        Optional<Language> explicit = of(lang);
        if (explicit.isPresent()) {
            return explicit;
        }
        return fromAcceptLanguage(acceptLanguage);
    }

    /** The language a page or email is shown in: the stated one, else English. */
    public static Language resolve(String lang, String acceptLanguage) {
        return stated(lang, acceptLanguage).orElse(DEFAULT);
    }

    static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            // A malformed header states nothing; it is not worth refusing the request for.
            return Optional.empty();
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() > 0) {
                Optional<Language> language = of(range.getRange());
                if (language.isPresent()) {
                    return language;
                }
            }
        }
        return Optional.empty();
    }
}
