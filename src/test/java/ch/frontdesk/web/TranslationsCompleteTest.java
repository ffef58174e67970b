package ch.frontdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text of every page and email exists in English, French and German: a key missing (or left empty) in one
 * language, or a translation that drops or invents a placeholder, fails here rather than in a reader's inbox. Qute
 * would fall back to English for a missing key, which is exactly what must not pass unnoticed.
 */
class TranslationsCompleteTest {

    private static final Path MESSAGES = Path.of("src", "main", "resources", "messages");
    private static final Set<String> LANGUAGES = Set.of("en", "fr", "de");
    private static final Pattern FILE = Pattern.compile("(.+)_(en|fr|de)\\.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    @Test
    void everyBundleHasEveryKeyInEveryLanguage() {
        Set<String> bundles = bundles();
        assertThat(bundles).as("message bundles under %s", MESSAGES).contains("web");
        for (String bundle : bundles) {
            Properties english = load(bundle, "en");
            assertThat(english).as("%s_en.properties", bundle).isNotEmpty();
            for (String language : LANGUAGES) {
                Properties translated = load(bundle, language);
                assertThat(new TreeSet<>(translated.stringPropertyNames()))
                        .as("keys of %s_%s.properties", bundle, language)
                        .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
                for (String key : english.stringPropertyNames()) {
                    String text = translated.getProperty(key);
                    assertThat(text).as("%s_%s: %s", bundle, language, key).isNotBlank();
                    assertThat(placeholders(text)).as("placeholders of %s_%s: %s", bundle, language, key)
                            .isEqualTo(placeholders(english.getProperty(key)));
                }
            }
        }
    }

    @Test
    void theCheckNoticesAMissingKey() {
        Properties english = new Properties();
        english.setProperty("greeting", "Hello {name}");
        english.setProperty("bye", "Bye");
        Properties french = new Properties();
        french.setProperty("greeting", "Bonjour {nom}");

        assertThat(french.stringPropertyNames()).isNotEqualTo(english.stringPropertyNames());
        assertThat(placeholders(french.getProperty("greeting"))).isNotEqualTo(placeholders(english.getProperty("greeting")));
    }

    private static Set<String> bundles() {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            Set<String> names = new TreeSet<>();
            files.map(f -> FILE.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .forEach(m -> names.add(m.group(1)));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(String bundle, String language) {
        Path file = MESSAGES.resolve(bundle + "_" + language + ".properties");
        assertThat(file).as("the %s translation of bundle %s", language, bundle).exists();
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The names a text fills in, {@code {name}} or {@code {total}}: a translation must use the same ones. */
    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1).strip());
        }
        return names;
    }
}
