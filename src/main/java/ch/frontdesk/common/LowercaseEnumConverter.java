package ch.frontdesk.common;

import jakarta.persistence.AttributeConverter;
import java.util.Locale;

/**
 * Stores an enum as its lower-case name, the spelling the API and the schema's check constraints use
 * (`pending`, `active`, ...).
 */
public abstract class LowercaseEnumConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected LowercaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : Enum.valueOf(type, column.toUpperCase(Locale.ROOT));
    }
}
