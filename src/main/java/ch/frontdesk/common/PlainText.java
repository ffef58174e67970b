package ch.frontdesk.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one rule for text people type: no control characters (PostgreSQL refuses NUL, and the others end up in
 * mail headers and CSV files), no bidirectional overrides and no zero-width characters (they make
 * {@code a\u200b@example.org} look like someone else's address). Tab, CR and LF are allowed only in a field marked
 * {@link MultiLine}. Every JSON string passes through {@link Deserializer}; paths, query strings and form
 * bodies through {@link EdgeProblems}.
 */
public final class PlainText {

    public static final String MESSAGE = "must not contain control, invisible or bidirectional-override characters";

    private PlainText() {
    }

    /** Marks a text field where tab and line breaks are part of the content (a description). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
    public @interface MultiLine {
    }

    /** Whether {@code text} (null counts as clean) keeps the rule. */
    public static boolean isClean(String text, boolean multiLine) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (refused(text.charAt(i), multiLine)) {
                return false;
            }
        }
        return true;
    }

    static boolean refused(char c, boolean multiLine) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return !multiLine;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x200b && c <= 0x200d) || c == 0xfeff
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                // Line and paragraph separators are line breaks in disguise.
                || c == 0x2028 || c == 0x2029;
    }

    /** Reads a JSON string and refuses it, naming the field, when it breaks the rule; never coerces a non-string. */
    public static final class Deserializer extends JsonDeserializer<String> implements ContextualDeserializer {

        private final boolean multiLine;

        public Deserializer() {
            this(false);
        }

        private Deserializer(boolean multiLine) {
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean wanted = property != null && property.getAnnotation(MultiLine.class) != null;
            return wanted == multiLine ? this : new Deserializer(wanted);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            if (!isClean(text, multiLine)) {
                throw new Refused(parser, text);
            }
            return text;
        }
    }

    /** A string that breaks the rule; {@link ProblemMapper} reports it with {@link #MESSAGE}. */
    public static final class Refused extends InvalidFormatException {
        Refused(JsonParser parser, String text) {
            super(parser, MESSAGE, text, String.class);
        }
    }
}
