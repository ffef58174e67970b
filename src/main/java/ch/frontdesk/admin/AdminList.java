package ch.frontdesk.admin;

import ch.frontdesk.common.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one admin list is: its SQL (select and from), the filters and sort fields it accepts, and how a row becomes
 * an item and a CSV record. The JSON page and the CSV export are both built from it, so they always agree.
 *
 * <p>Only whitelisted SQL written here ever reaches the database; every value the client sends is a bind parameter.
 */
public final class AdminList<T> {

    /**
     * Ends an {@code exists} subquery of a select list so that it is run for each row of the page. Without it
     * PostgreSQL may answer it by hashing the subquery's whole table, as it plans for every row of the list and not
     * for the 50 of a page; {@code offset 0} keeps the subquery as it is written, an index probe per row.
     */
    public static final String PER_ROW = " offset 0";

    /** Reads one row of the result set into an item. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Turns the value of a query parameter into a condition, or refuses it. */
    @FunctionalInterface
    public interface Filter {
        void apply(String parameter, String value, SqlQuery where);
    }

    private record Column<T>(String header, Function<T, ?> value) {
    }

    private final String name;
    private final String select;
    private final String from;
    private final RowMapper<T> mapper;
    private final Map<String, Filter> filters = new LinkedHashMap<>();
    private final Map<String, String> sorts = new LinkedHashMap<>();
    private final List<Column<T>> columns = new ArrayList<>();
    private String defaultSort;
    private String tieBreaker;
    private String countFrom;
    private String countAlias;

    private AdminList(String name, String select, String from, RowMapper<T> mapper) {
        this.name = name;
        this.select = select;
        this.from = from;
        this.mapper = mapper;
    }

    /**
     * A list named {@code name} (the file name of its CSV), reading {@code select} (the column list) from
     * {@code from} (tables and joins, no where clause).
     */
    public static <T> AdminList<T> of(String name, String select, String from, RowMapper<T> mapper) {
        return new AdminList<>(name, select, from, mapper);
    }

    /** {@code ?q=}: a case-insensitive substring of any of these text expressions (written for a trigram index). */
    public AdminList<T> search(String... expressions) {
        return filter("q", (parameter, value, where) -> {
            if (value.length() > 200) {
                throw ProblemException.invalid(parameter, "must be at most 200 characters");
            }
            String pattern = "%" + likeEscaped(value) + "%";
            // An expression may hold several ? (a union of subqueries); each one gets the pattern.
            long marks = String.join(" ", expressions).chars().filter(c -> c == '?').count();
            where.and("(" + String.join(" or ", expressions) + ")", Collections.nCopies((int) marks, pattern).toArray());
        });
    }

    /** {@code ?parameter=} one of {@code values}, compared with {@code column}. */
    public AdminList<T> oneOf(String parameter, String column, Set<String> values) {
        return filter(parameter, (p, value, where) -> {
            if (!values.contains(value)) {
                throw ProblemException.invalid(p, "must be one of " + String.join(", ", values.stream().sorted().toList()));
            }
            where.and(column + " = ?", value);
        });
    }

    /** {@code ?parameter=} bound to the one {@code ?} of {@code condition}, whatever the value (a slug, a code). */
    public AdminList<T> condition(String parameter, String condition) {
        return filter(parameter, (p, value, where) -> where.and(condition, value));
    }

    /** {@code ?from=} and {@code ?to=}: dates (UTC, both inclusive) bounding {@code column}. */
    public AdminList<T> dateRange(String column) {
        filter("from", (p, value, where) -> where.and(column + " >= ?", startOf(p, date(p, value))));
        return filter("to", (p, value, where) -> where.and(column + " < ?", startOf(p, date(p, value).plusDays(1))));
    }

    public AdminList<T> filter(String parameter, Filter filter) {
        filters.put(parameter, filter);
        return this;
    }

    /** A field {@code ?sort=} accepts ({@code field} ascending, {@code -field} descending). */
    public AdminList<T> sort(String field, String expression) {
        sorts.put(field, expression);
        return this;
    }

    /** The order without {@code ?sort=}, and the unique column that makes every order total, so pages never overlap. */
    public AdminList<T> defaultSort(String sort, String tieBreaker) {
        this.defaultSort = sort;
        this.tieBreaker = tieBreaker;
        return this;
    }

    /**
     * The main table alone ({@code "ticket t"}), for counting when no condition of the request reads another table of
     * {@code from}. Declare it only when every join of {@code from} finds exactly one row (a not-null foreign key, or a
     * left join on a unique key): then the joins cannot change the count, and counting a hundred thousand rows
     * without them is several times faster.
     */
    public AdminList<T> countFrom(String table) {
        this.countFrom = table;
        this.countAlias = table.substring(table.lastIndexOf(' ') + 1);
        return this;
    }

    public AdminList<T> column(String header, Function<T, ?> value) {
        columns.add(new Column<>(header, value));
        return this;
    }

    public String name() {
        return name;
    }

    List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    List<Object> cells(T item) {
        List<Object> cells = new ArrayList<>(columns.size());
        for (Column<T> column : columns) {
            cells.add(column.value().apply(item));
        }
        return cells;
    }

    T map(ResultSet row) throws SQLException {
        return mapper.map(row);
    }

    /** The where clause of this request, every filter checked. */
    SqlQuery where(ListRequest request) {
        SqlQuery where = new SqlQuery();
        filters.forEach((parameter, filter) -> request.get(parameter).ifPresent(value -> filter.apply(parameter, value, where)));
        return where;
    }

    SqlQuery count(ListRequest request) {
        SqlQuery where = where(request);
        boolean mainTableOnly = countFrom != null && where.conditions().stream().allMatch(this::readsOnlyTheMainTable);
        return new SqlQuery("select count(*) from " + (mainTableOnly ? countFrom : from) + where.whereClause(),
                where.values());
    }

    private static final Pattern QUALIFIED = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\.[a-z_]");
    private static final Pattern DECLARED = Pattern.compile("\\b(?:from|join)\\s+[a-z_][a-z0-9_]*\\s+([a-z_][a-z0-9_]*)");

    /** Whether a condition names no alias but the main table's and those its own subqueries declare. */
    private boolean readsOnlyTheMainTable(String condition) {
        Set<String> own = new HashSet<>(Set.of(countAlias));
        Matcher declared = DECLARED.matcher(condition);
        while (declared.find()) {
            own.add(declared.group(1));
        }
        Matcher qualified = QUALIFIED.matcher(condition);
        while (qualified.find()) {
            if (!own.contains(qualified.group(1))) {
                return false;
            }
        }
        return true;
    }

    /** The rows of this request, in order; the page's rows when {@code paged}, else all of them (CSV). */
    SqlQuery rows(ListRequest request, boolean paged) {
        SqlQuery where = where(request);
        String sql = "select " + select + " from " + from + where.whereClause() + " order by " + orderBy(request);
        List<Object> values = new ArrayList<>(where.values());
        if (paged) {
            sql += " limit ? offset ?";
            values.add(request.size());
            values.add((long) request.page() * request.size());
        }
        return new SqlQuery(sql, values);
    }

    private String orderBy(ListRequest request) {
        String sort = request.get("sort").orElse(defaultSort);
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        String expression = sorts.get(field);
        if (expression == null) {
            throw ProblemException.invalid("sort", "must be one of " + String.join(", ", sorts.keySet())
                    + ", with - in front for descending order");
        }
        // PostgreSQL's default null order (last ascending, first descending) is the order of a btree index read either
        // way, so a sorted first page is an index scan that stops after one page.
        String direction = descending ? " desc" : " asc";
        return expression + direction + ", " + tieBreaker + direction;
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(parameter, "must be a date such as 2026-01-31");
        }
    }

    private static OffsetDateTime startOf(String parameter, LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The text as a literal inside a LIKE pattern (PostgreSQL's default escape character is the backslash). */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
