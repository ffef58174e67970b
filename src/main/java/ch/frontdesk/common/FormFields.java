package ch.frontdesk.common;

import java.util.Locale;

/** Values as plain HTML forms send them. */
public final class FormFields {

    private FormFields() {
    }

    /** A checkbox: {@code on} (what browsers send), {@code true}, {@code yes} or {@code 1}; null when absent. */
    public static Boolean checked(String value) {
        if (value == null) {
            return null;
        }
        String answer = value.strip().toLowerCase(Locale.ROOT);
        return answer.equals("on") || answer.equals("true") || answer.equals("yes") || answer.equals("1");
    }
}
