package ch.frontdesk.admin;

import ch.frontdesk.common.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading the column types the admin lists use, null-safe. */
public final class Rows {

    private Rows() {
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Money money(ResultSet row, String amount, String currency) throws SQLException {
        return Money.of(row.getLong(amount), row.getString(currency));
    }

    /** A CSV cell for an amount in minor units: {@code 2500} is {@code 25.00}, so a spreadsheet sums it right. */
    public static String decimal(Money money) {
        return money == null ? null : String.format(java.util.Locale.ROOT, "%d.%02d", money.amount() / 100, money.amount() % 100);
    }
}
