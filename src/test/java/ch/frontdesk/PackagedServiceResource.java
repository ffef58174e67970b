package ch.frontdesk;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * What the packaged jar needs around it in {@link PackagedServiceIT}: an empty schema of its own and a real SMTP
 * server on loopback. The jar gets only the settings production would get from its environment variables.
 */
public class PackagedServiceResource implements QuarkusTestResourceLifecycleManager {

    /** Picked at start, free at that moment: runs side by side, or a port taken by something else, never collide. */
    static int smtpPort;
    static int managementPort;
    static final String SCHEMA = "frontdesk_it";
    /** Where links in emails point; only a name, nothing listens there (the jar's own port is random). */
    static final String PUBLIC_URL = "http://frontdesk.test";
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
        smtpPort = freePort();
        managementPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return Map.ofEntries(
                Map.entry("quarkus.datasource.jdbc.url",
                        "jdbc:postgresql://localhost:5432/postgres?currentSchema=" + SCHEMA),
                Map.entry("quarkus.datasource.username", "postgres"),
                Map.entry("quarkus.datasource.password", "postgres"),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", Integer.toString(smtpPort)),
                Map.entry("quarkus.mailer.start-tls", "DISABLED"),
                Map.entry("quarkus.mailer.login", "DISABLED"),
                Map.entry("frontdesk.public-url", PUBLIC_URL),
                Map.entry("frontdesk.outbox.every", "1s"),
                Map.entry("quarkus.management.port", Integer.toString(managementPort)),
                Map.entry("frontdesk.admin.user", "owner"),
                Map.entry("frontdesk.admin.password", "owner-password"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on loopback", e);
        }
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }
}
