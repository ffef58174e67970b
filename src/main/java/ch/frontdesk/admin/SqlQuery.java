package ch.frontdesk.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** SQL text with its bind values, in order. Values never enter the text. */
public final class SqlQuery {

    private final List<String> conditions = new ArrayList<>();
    private final String sql;
    private final List<Object> values;

    SqlQuery() {
        this.sql = null;
        this.values = new ArrayList<>();
    }

    SqlQuery(String sql, List<Object> values) {
        this.sql = sql;
        this.values = values;
    }

    /** Adds a condition (with one {@code ?} per value) to the where clause. */
    public SqlQuery and(String condition, Object... values) {
        conditions.add(condition);
        Collections.addAll(this.values, values);
        return this;
    }

    String whereClause() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    List<String> conditions() {
        return conditions;
    }

    String sql() {
        return sql;
    }

    List<Object> values() {
        return values;
    }
}
