package ch.frontdesk.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code target/quarkus-app/quarkus-run.jar}, built by {@code mvn package} before the failsafe
 * tests run) started as its own operating-system process, configured only through environment variables as
 * production is. Tests can start several on one schema, stop one gracefully ({@code SIGTERM}), kill one
 * ({@code SIGKILL}, as {@code kill -9} does) and start it again. Each instance gets free loopback ports and writes its
 * log to {@code target/packaged/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final Path LOGS = Path.of("target", "packaged");
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final int port;
    private final int managementPort;
    private Process process;
    private long readyMillis;
    private int starts;

    private ServiceProcess(String name, Map<String, String> environment, List<String> jvmOptions) {
        this.name = name;
        this.port = freePort();
        this.managementPort = freePort();
        this.jvmOptions = List.copyOf(jvmOptions);
        this.environment = new LinkedHashMap<>(environment);
        this.environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        this.environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
    }

    /**
     * Settings for an instance on {@code schema} of the machine's PostgreSQL, mailing through the SMTP server on
     * {@code smtpPort} (0: none; the outbox then waits), with the admin {@code owner}/{@code owner-password}.
     * Callers add or override settings before {@link Builder#start()}.
     */
    public static Builder on(String schema, int smtpPort) {
        return new Builder(schema, smtpPort);
    }

    public static final class Builder {
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx256m"));
        private String name = "frontdesk";

        private Builder(String schema, int smtpPort) {
            environment.put("QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:postgresql://localhost:5432/postgres?currentSchema=" + schema);
            environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            environment.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            environment.put("QUARKUS_FLYWAY_SCHEMAS", schema);
            environment.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "8");
            environment.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            environment.put("QUARKUS_MAILER_PORT", Integer.toString(smtpPort == 0 ? freePort() : smtpPort));
            environment.put("QUARKUS_MAILER_START_TLS", "DISABLED");
            environment.put("QUARKUS_MAILER_LOGIN", "DISABLED");
            environment.put("FRONTDESK_PUBLIC_URL", "http://frontdesk.test");
            environment.put("FRONTDESK_OUTBOX_EVERY", "1s");
            environment.put("FRONTDESK_ADMIN_USER", "owner");
            environment.put("FRONTDESK_ADMIN_PASSWORD", "owner-password");
            environment.put("FRONTDESK_ADMIN_BCRYPT_COST", "10");
        }

        /** Names the instance in its log file and in failure messages. */
        public Builder named(String instanceName) {
            this.name = instanceName;
            return this;
        }

        /** An environment variable, as production would set it (e.g. {@code FRONTDESK_OUTBOX_EVERY}). */
        public Builder with(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** Starts the instance and waits until it reports ready. */
        public ServiceProcess start() {
            ServiceProcess service = new ServiceProcess(name, environment, jvmOptions);
            service.start();
            return service;
        }

        /**
         * The instance, not started yet: {@link ServiceProcess#start()} it. A caller that holds it before starting can
         * stop it even when the start fails (an instance that was not ready in time keeps running until stopped).
         */
        public ServiceProcess build() {
            return new ServiceProcess(name, environment, jvmOptions);
        }
    }

    /** Starts (or starts again, on the same ports and settings) and waits until {@code /q/health/ready} is UP. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the packaged tests through `mvn verify`");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(starts == 0 ? ProcessBuilder.Redirect.to(log.toFile())
                            : ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            long began = System.nanoTime();
            process = builder.start();
            starts++;
            awaitReady(began);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    private void awaitReady(long began) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready;"
                        + " see " + LOGS.resolve(name + ".log"));
            }
            if (readiness() == 200) {
                readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                return;
            }
            pause(100);
        }
        throw new IllegalStateException(name + " was not ready within " + READY_WITHIN);
    }

    /** The HTTP status of {@code /q/health/ready} now, or -1 when nothing answers. */
    public int readiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Ends the instance as an orchestrator does, with {@code SIGTERM}, and waits for it to exit. */
    public synchronized int stop() {
        if (process == null || !process.isAlive()) {
            return process == null ? 0 : process.exitValue();
        }
        process.destroy();
        try {
            if (!process.waitFor(80, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** Kills the instance at once, as {@code kill -9} does: no shutdown hook, no transaction finished. */
    public synchronized void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends {@code SIGTERM}, as an orchestrator does, and returns at once: the test watches the shutdown (readiness,
     * requests still answered, the log) and then collects the exit with {@link #awaitExit(Duration)}.
     */
    public synchronized void terminate() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** The exit code once the process has ended within {@code within}; empty if it is still running then. */
    public OptionalInt awaitExit(Duration within) {
        Process running;
        synchronized (this) {
            running = process;
        }
        try {
            return running.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(running.exitValue())
                    : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** Resident memory of the running process in bytes (Linux: {@code VmRSS} of {@code /proc/<pid>/status}). */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            throw new IllegalStateException("No VmRSS for process " + pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the log contains {@code text}; false if it did not appear within {@code within}. */
    public boolean awaitLog(String text, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(text)) {
                return true;
            }
            pause(20);
        }
        return log().contains(text);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** How long the last start took, from launching the process until it reported ready. */
    public long readyMillis() {
        return readyMillis;
    }

    /** The instance's log so far, for assertions and failure messages. */
    public String log() {
        try {
            return Files.readString(LOGS.resolve(name + ".log"));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The sum of every series of a Prometheus metric on the management port (e.g. {@code frontdesk_emails_sent_total},
     * all its labels together); 0 when the instance has counted none yet. Counters are per process: summed over
     * instances they say how often something happened, each alone which instance did it.
     */
    public double metric(String name) {
        String text;
        try {
            text = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException("No metrics from " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                int labelsEnd = line.indexOf('}');
                String sample = line.substring(labelsEnd >= 0 ? labelsEnd + 1 : name.length()).trim();
                sum += Double.parseDouble(sample.split(" ")[0]);
            }
        }
        return sum;
    }

    @Override
    public void close() {
        stop();
    }

    /** Drops and creates {@code schema} on the machine's PostgreSQL: each packaged test starts from nothing. */
    public static void freshSchema(String schema) {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres",
                "postgres"); var statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on localhost:5432 is needed for the packaged tests", e);
        }
    }

    /** A loopback port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on loopback", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
