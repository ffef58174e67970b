package ch.frontdesk.admin;

import ch.frontdesk.common.Page;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers any {@link AdminList}: a page as JSON, or every row as a CSV streamed from a database cursor, so an
 * export of a hundred thousand rows holds a few hundred of them in memory at a time.
 */
@ApplicationScoped
public class AdminLists {

    /** Rows fetched per round trip while exporting. */
    static final int FETCH_SIZE = 500;
    public static final String CSV = "text/csv; charset=UTF-8";

    private final AgroalDataSource dataSource;
    private final Clock clock;

    AdminLists(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public <T> Page<T> page(AdminList<T> list, ListRequest request) {
        SqlQuery count = list.count(request);
        SqlQuery rows = list.rows(request, true);
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement statement = prepare(connection, count); ResultSet result = statement.executeQuery()) {
                result.next();
                total = result.getLong(1);
            }
            List<T> items = new ArrayList<>(request.size());
            try (PreparedStatement statement = prepare(connection, rows); ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    items.add(list.map(result));
                }
            }
            return new Page<>(items, total, request.page(), request.size());
        } catch (SQLException e) {
            throw new IllegalStateException("Listing " + list.name() + " failed", e);
        }
    }

    /**
     * The whole list as a CSV download. The request is checked here, before the answer starts, so a bad filter is
     * still a 400; the rows are read while the body is written.
     */
    public <T> Response csv(AdminList<T> list, ListRequest request) {
        SqlQuery rows = list.rows(request, false);
        StreamingOutput body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 16 * 1024);
            Csv.row(out, list.headers());
            stream(list, rows, out);
            out.flush();
        };
        String file = list.name() + "-" + LocalDate.now(clock) + ".csv";
        return Response.ok(body, CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private <T> void stream(AdminList<T> list, SqlQuery rows, Writer out) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL only honours the fetch size (a cursor) inside a transaction.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = prepare(connection, rows)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        Csv.row(out, list.cells(list.map(result)));
                    }
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // The status line is gone by now; failing the stream makes the download visibly incomplete.
            throw new IOException("Exporting " + list.name() + " failed", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, SqlQuery query) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        List<Object> values = query.values();
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }
}
