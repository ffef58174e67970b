package ch.frontdesk.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifest that {@code mvn package} writes to {@code target/kubernetes/kubernetes.yml} keeps what running several
 * replicas safely needs: probes on the management port, resource limits that hold the heap, secrets only from the
 * Secret, a rolling update that never lowers capacity, a grace period longer than the graceful shutdown, and a
 * PodDisruptionBudget. Each check fails if the setting that gives it is dropped.
 */
class KubernetesManifestIT {

    private static final Path MANIFEST = Path.of("target", "kubernetes", "kubernetes.yml");
    private static final Path PROPERTIES = Path.of("target", "classes", "application.properties");
    private static final int MANAGEMENT_PORT = 9000;
    private static final String SECRET = "frontdesk";
    /** Every variable whose value is a secret: each comes from the Secret, never written in the manifest. */
    private static final List<String> SECRET_VARIABLES = List.of("QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_MAILER_USERNAME",
            "QUARKUS_MAILER_PASSWORD", "QUARKUS_MAILER_DKIM_PRIVATE_KEY", "FRONTDESK_STRIPE_SECRET_KEY",
            "FRONTDESK_STRIPE_WEBHOOK_SECRET", "FRONTDESK_ADMIN_USER", "FRONTDESK_ADMIN_PASSWORD");
    /** Without these the service cannot start: the pod must not start either. */
    private static final List<String> REQUIRED_SECRETS = List.of("QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");

    private static List<JsonNode> resources;
    private static JsonNode deployment;
    private static JsonNode container;

    @BeforeAll
    static void readManifest() throws IOException {
        assertThat(MANIFEST).as("written by `mvn package`").isRegularFile();
        resources = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (var documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(MANIFEST))) {
            documents.forEachRemaining(resources::add);
        }
        deployment = resource("Deployment");
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertThat(containers.size()).as("containers in the pod").isEqualTo(1);
        container = containers.get(0);
    }

    @Test
    void severalReplicasAreUpdatedOneAtATimeWithoutLoweringCapacity() {
        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode strategy = deployment.at("/spec/strategy");
        assertThat(strategy.at("/type").asText()).isEqualTo("RollingUpdate");
        // Numbers, not strings: Kubernetes reads a string here only as a percentage.
        assertThat(strategy.at("/rollingUpdate/maxUnavailable").isInt()).isTrue();
        assertThat(strategy.at("/rollingUpdate/maxUnavailable").asInt()).isZero();
        assertThat(strategy.at("/rollingUpdate/maxSurge").isInt()).isTrue();
        assertThat(strategy.at("/rollingUpdate/maxSurge").asInt()).isEqualTo(1);
        assertThat(deployment.at("/spec/selector/matchLabels").has("app.kubernetes.io/version"))
                .as("a selector with the version would make the next version's apply fail").isFalse();
    }

    @Test
    void probesAskTheManagementPortAboutHealth() {
        assertThat(ports(container)).contains(MANAGEMENT_PORT, 8080);
        assertProbe("startupProbe", "/q/health/started");
        assertProbe("readinessProbe", "/q/health/ready");
        assertProbe("livenessProbe", "/q/health/live");
    }

    private static void assertProbe(String probe, String path) {
        JsonNode get = container.at("/" + probe + "/httpGet");
        assertThat(get.isMissingNode()).as("%s is an HTTP probe", probe).isFalse();
        assertThat(get.at("/path").asText()).as("%s path", probe).isEqualTo(path);
        JsonNode port = get.at("/port");
        assertThat(port.isInt() ? port.asInt() : portNamed(port.asText())).as("%s port", probe)
                .isEqualTo(MANAGEMENT_PORT);
    }

    @Test
    void memoryAndCpuAreRequestedAndLimitedAndTheHeapFitsTheLimit() {
        JsonNode resourcesOfPod = container.at("/resources");
        for (String field : List.of("/requests/memory", "/limits/memory", "/requests/cpu", "/limits/cpu")) {
            assertThat(resourcesOfPod.at(field).asText()).as(field).isNotBlank();
        }
        long limit = mebibytes(resourcesOfPod.at("/limits/memory").asText());
        String javaOptions = variable("JAVA_OPTS").at("/value").asText();
        Matcher heap = Pattern.compile("-Xmx(\\d+)m").matcher(javaOptions);
        assertThat(heap.find()).as("a fixed heap in JAVA_OPTS: %s", javaOptions).isTrue();
        // Metaspace, code, threads and buffers need room beside the heap, or the kernel kills the pod.
        assertThat(limit - Long.parseLong(heap.group(1))).as("MiB of the limit left beside the heap")
                .isGreaterThanOrEqualTo(160);
    }

    @Test
    void everySecretComesFromTheSecretAndNoneIsWrittenInTheManifest() {
        for (String name : SECRET_VARIABLES) {
            JsonNode variable = variable(name);
            assertThat(variable.has("value")).as("%s written in the manifest", name).isFalse();
            JsonNode reference = variable.at("/valueFrom/secretKeyRef");
            assertThat(reference.at("/name").asText()).as("%s from the Secret", name).isEqualTo(SECRET);
            assertThat(reference.at("/key").asText()).as("%s key", name).isEqualTo(name);
            assertThat(reference.at("/optional").asBoolean(false)).as("%s optional", name)
                    .isEqualTo(!REQUIRED_SECRETS.contains(name));
        }
        for (JsonNode variable : container.at("/env")) {
            String name = variable.at("/name").asText();
            if (name.matches(".*(PASSWORD|SECRET|PRIVATE_KEY|JDBC_URL).*")) {
                assertThat(SECRET_VARIABLES).as("%s is listed as a secret", name).contains(name);
            }
        }
        assertThat(container.at("/envFrom").findValuesAsText("name")).as("settings from the ConfigMap")
                .contains("frontdesk");
    }

    @Test
    void theGracePeriodOutlastsTheWholeGracefulShutdown() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PROPERTIES)) {
            properties.load(reader);
        }
        assertThat(properties.getProperty("quarkus.shutdown.delay-enabled")).isEqualTo("true");
        Duration delay = duration(variable("QUARKUS_SHUTDOWN_DELAY").at("/value").asText());
        assertThat(delay).as("readiness DOWN before the server stops").isPositive();
        Duration requests = duration(properties.getProperty("%prod.quarkus.shutdown.timeout"));
        Duration mailInHand = duration(properties.getProperty("quarkus.mailer.timeout")).plusSeconds(5);
        long grace = deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asLong();
        assertThat(Duration.ofSeconds(grace)).as("terminationGracePeriodSeconds")
                .isGreaterThan(delay.plus(requests).plus(mailInHand));
    }

    @Test
    void aDisruptionBudgetKeepsReplicasUpAndTheServiceSelectsThePods() {
        JsonNode budget = resource("PodDisruptionBudget");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        int replicas = deployment.at("/spec/replicas").asInt();
        JsonNode maxUnavailable = budget.at("/spec/maxUnavailable");
        JsonNode minAvailable = budget.at("/spec/minAvailable");
        assertThat(maxUnavailable.isInt() && maxUnavailable.asInt() >= 1 && maxUnavailable.asInt() < replicas
                || minAvailable.isInt() && minAvailable.asInt() >= 1 && minAvailable.asInt() < replicas)
                .as("the budget lets a node drain but never takes every replica").isTrue();
        assertSelects(budget.at("/spec/selector/matchLabels"), podLabels);
        assertSelects(resource("Service").at("/spec/selector"), podLabels);
    }

    @Test
    void theManifestNeedsNothingButTheImageTheSecretAndTheConfigMap() {
        assertThat(container.at("/image").asText()).matches("ghcr\\.io/frontdesk/frontdesk:.+");
        assertThat(resources).extracting(r -> r.at("/kind").asText())
                .as("no migration Job whose template cannot change, no ServiceMonitor needing an operator")
                .doesNotContain("Job", "ServiceMonitor");
        assertThat(container.at("/env").findValuesAsText("name")).as("every pod migrates at start")
                .doesNotContain("QUARKUS_FLYWAY_ACTIVE");
    }

    private static void assertSelects(JsonNode selector, JsonNode labels) {
        assertThat(selector.size()).as("a selector").isPositive();
        selector.fields().forEachRemaining(label -> assertThat(labels.at("/" + label.getKey().replace("/", "~1"))
                .asText()).as("pod label %s", label.getKey()).isEqualTo(label.getValue().asText()));
    }

    private static JsonNode resource(String kind) {
        return resources.stream().filter(r -> kind.equals(r.at("/kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + MANIFEST));
    }

    private static JsonNode variable(String name) {
        for (JsonNode variable : container.at("/env")) {
            if (name.equals(variable.at("/name").asText())) {
                return variable;
            }
        }
        throw new AssertionError("no variable " + name + " in the container's env");
    }

    private static List<Integer> ports(JsonNode of) {
        List<Integer> ports = new ArrayList<>();
        of.at("/ports").forEach(p -> ports.add(p.at("/containerPort").asInt()));
        return ports;
    }

    private static int portNamed(String name) {
        for (JsonNode port : container.at("/ports")) {
            if (name.equals(port.at("/name").asText())) {
                return port.at("/containerPort").asInt();
            }
        }
        throw new AssertionError("no port named " + name);
    }

    private static long mebibytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(m.matches()).as("a memory quantity in Mi or Gi: %s", quantity).isTrue();
        return Long.parseLong(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1);
    }

    private static Duration duration(String text) {
        assertThat(text).as("a duration such as 10s").isNotNull().matches("\\d+s");
        return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }
}
