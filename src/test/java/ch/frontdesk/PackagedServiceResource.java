package ch.frontdesk;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * What the packaged jar needs around it in {@link PackagedServiceIT}: an empty schema of its own and a real SMTP
 * server on loopback. The jar gets only the settings production would get from its environment variables.
 */
public class PackagedServiceResource implements QuarkusTestResourceLifecycleManager {

    static final int SMTP_PORT = 39026;
    static final int MANAGEMENT_PORT = 39027;
    static final String SCHEMA = "frontdesk_it";
    static GreenMail smtp;

    @Override
    public Map<String, String> start() {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres",
                "postgres"); var statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on localhost:5432 is needed for the packaged-jar test", e);
        }
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return Map.ofEntries(
                Map.entry("quarkus.datasource.jdbc.url",
                        "jdbc:postgresql://localhost:5432/postgres?currentSchema=" + SCHEMA),
                Map.entry("quarkus.datasource.username", "postgres"),
                Map.entry("quarkus.datasource.password", "postgres"),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", Integer.toString(SMTP_PORT)),
                Map.entry("quarkus.mailer.start-tls", "DISABLED"),
                Map.entry("quarkus.mailer.login", "DISABLED"),
                Map.entry("frontdesk.public-url", "http://localhost:8089"),
                Map.entry("frontdesk.outbox.every", "1s"),
                Map.entry("quarkus.management.port", Integer.toString(MANAGEMENT_PORT)),
                Map.entry("frontdesk.admin.user", "owner"),
                Map.entry("frontdesk.admin.password", "owner-password"));
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }
}
