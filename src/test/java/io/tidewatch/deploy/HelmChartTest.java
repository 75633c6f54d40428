package io.tidewatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/** Checks that the Helm chart and the plain manifests in k8s/ deploy Tidewatch probed, hardened and free of secrets. */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "tidewatch");
    private static final Path MANIFESTS = Path.of("k8s");
    private static final String SECRET_EXAMPLE = "secret.example.yaml";
    private static final String RELEASE = "tidewatch";
    private static final String TENANT_WILDCARD = "*.sat.example-mssp.com";
    private static final Pattern SENSITIVE_NAME = Pattern.compile("PASSWORD|KEY|SECRET");
    private static final List<Pattern> SECRET_LOOKALIKES = List.of(
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
            Pattern.compile("AKIA[0-9A-Z]{16}"),
            Pattern.compile("\\b[0-9a-fA-F]{32,}\\b"),
            Pattern.compile("://[^/\\s:@]+:[^/\\s@]+@"),
            // A credential-like word assigned a literal: placeholders (<...>), templates ({{ }}) and $VARS pass.
            Pattern.compile("(?i)\\b(password|passwd|secret|token|api[_-]?key|private[_-]?key)\\s*[:=]"
                    + "\\s*[\"']?(?![<{$\"'\\s]|$)"));
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/_=-]{24,}");
    /** How long the phishing door waits for its tracking events to be written at shutdown (PhishDoor.stop). */
    private static final int DOOR_DRAIN_SECONDS = 15;
    /** How long the mailer waits for the batches it is sending at shutdown (MailDispatcher.stop). */
    private static final int MAILER_DRAIN_SECONDS = 20;
    /** Variables the service once read and ignores now: the door trusts TIDEWATCH_TRUSTED_PROXIES instead. */
    private static final List<String> RETIRED_SETTINGS = List.of("TIDEWATCH_PHISH_TRUST_FORWARDED_FOR",
            "trustForwardedFor", "TIDEWATCH_PHISH_BASE_URL", "phishBaseUrl");

    private static List<Map<String, Object>> rendered;
    private static List<Map<String, Object>> manifests;

    @BeforeAll
    static void renderChartAndLoadManifests() {
        rendered = render(Map.of());
        manifests = loadManifests();
    }

    static Stream<Named<List<Map<String, Object>>>> deployments() {
        return Stream.of(Named.of("helm template", rendered), Named.of("k8s manifests", manifests));
    }

    @Test
    void chartPassesStrictLint() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void schemaRejectsFewerThanOneReplica() {
        assertThatThrownBy(() -> render(Map.of("replicaCount", 0))).hasMessageContaining("replicaCount");
    }

    @Test
    void schemaRejectsUnknownValues() {
        assertThatThrownBy(() -> render(Map.of("adminPassword", "x"))).hasMessageContaining("adminPassword");
    }

    @Test
    void chartWithoutAutoscalingPinsTheReplicaCount() {
        List<Map<String, Object>> objects = render(Map.of("autoscaling.enabled", false));

        assertThat(at(theOnly(objects, "Deployment"), "spec", "replicas")).isEqualTo(2);
        assertThat(ofKind(objects, "HorizontalPodAutoscaler")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void deploymentHasAllThreeProbes(List<Map<String, Object>> objects) {
        Map<String, Object> container = theOnlyContainer(objects);

        assertThat(at(container, "startupProbe", "httpGet", "path")).isEqualTo("/q/health/started");
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(at(container, probe, "httpGet", "port")).as(probe).isEqualTo("admin");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void deploymentExposesBothDoors(List<Map<String, Object>> objects) {
        List<Object> ports = list(at(theOnlyContainer(objects), "ports"));

        assertThat(ports).extracting(port -> at(port, "name"), port -> at(port, "containerPort"))
                .containsExactlyInAnyOrder(tuple("admin", 3333), tuple("phish", 8080));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void deploymentSetsResourceRequestsAndLimits(List<Map<String, Object>> objects) {
        Map<String, Object> container = theOnlyContainer(objects);

        assertThat(map(at(container, "resources", "requests"))).containsKeys("cpu", "memory");
        assertThat(map(at(container, "resources", "limits"))).containsKeys("cpu", "memory");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void deploymentRunsAsNonRootOnAReadOnlyRootFilesystem(List<Map<String, Object>> objects) {
        Map<String, Object> deployment = theOnly(objects, "Deployment");
        Map<String, Object> container = theOnlyContainer(objects);

        assertThat(at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(at(container, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(list(at(container, "securityContext", "capabilities", "drop"))).containsExactly("ALL");
        assertThat(list(at(container, "volumeMounts"))).extracting(mount -> at(mount, "mountPath")).contains("/tmp");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void atLeastTwoReplicasRun(List<Map<String, Object>> objects) {
        Object replicas = at(theOnly(objects, "Deployment"), "spec", "replicas");
        List<Map<String, Object>> autoscalers = ofKind(objects, "HorizontalPodAutoscaler");

        assertThat(replicas != null || !autoscalers.isEmpty()).as("replicas or an autoscaler").isTrue();
        if (replicas != null) {
            assertThat((Integer) replicas).isGreaterThanOrEqualTo(2);
        }
        assertThat(autoscalers).allSatisfy(hpa -> assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThan(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void eachDoorHasItsOwnService(List<Map<String, Object>> objects) {
        assertThat(ofKind(objects, "Service"))
                .extracting(service -> at(service, "metadata", "name"), service -> at(service, "spec", "ports", 0, "port"))
                .containsExactlyInAnyOrder(tuple(RELEASE + "-admin", 3333), tuple(RELEASE + "-phish", 8080));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void adminIngressServesTheTenantWildcardHost(List<Map<String, Object>> objects) {
        Map<String, Object> admin = ofKind(objects, "Ingress").stream()
                .filter(ingress -> hosts(ingress).contains(TENANT_WILDCARD))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Ingress has the host " + TENANT_WILDCARD));

        assertThat(hosts(admin)).contains("sat.example-mssp.com");
        assertThat(list(at(admin, "spec", "tls", 0, "hosts"))).contains(TENANT_WILDCARD);
        assertThat(at(admin, "spec", "rules", 0, "http", "paths", 0, "backend", "service", "name"))
                .isEqualTo(RELEASE + "-admin");
        assertThat(at(admin, "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-body-size")).isEqualTo("2m");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void rendersNoSecretWithValues(List<Map<String, Object>> objects) {
        assertThat(ofKind(objects, "Secret"))
                .noneMatch(secret -> secret.containsKey("data") || secret.containsKey("stringData"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void sensitiveVariablesComeOnlyFromSecretReferences(List<Map<String, Object>> objects) {
        List<Object> sensitive = list(at(theOnlyContainer(objects), "env")).stream()
                .filter(variable -> SENSITIVE_NAME.matcher((String) at(variable, "name")).find())
                .toList();

        assertThat(sensitive).hasSizeGreaterThanOrEqualTo(4).allSatisfy(variable -> {
            assertThat(map(variable)).doesNotContainKey("value");
            assertThat(at(variable, "valueFrom", "secretKeyRef", "name")).isNotNull();
        });
        assertThat(ofKind(objects, "ConfigMap")).flatExtracting(configMap -> map(configMap.get("data")).keySet())
                .noneMatch(name -> SENSITIVE_NAME.matcher(name).find());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void podsInvitePrometheusToScrapeTheAdminDoor(List<Map<String, Object>> objects) {
        Map<String, Object> annotations = map(
                at(theOnly(objects, "Deployment"), "spec", "template", "metadata", "annotations"));

        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "3333")
                .containsEntry("prometheus.io/path", "/q/metrics");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void gracePeriodCoversRequestsTrackingWriterAndMailer(List<Map<String, Object>> objects) throws IOException {
        Object grace = at(theOnly(objects, "Deployment"), "spec", "template", "spec", "terminationGracePeriodSeconds");

        assertThat((Integer) grace).isGreaterThan(shutdownTimeoutSeconds() + DOOR_DRAIN_SECONDS + MAILER_DRAIN_SECONDS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void configuresTheSettingsBothDoorsNeed(List<Map<String, Object>> objects) {
        Map<String, Object> data = map(theOnly(objects, "ConfigMap").get("data"));
        List<Object> env = list(at(theOnlyContainer(objects), "env"));

        assertThat(data).containsEntry("TIDEWATCH_PHISH_PORT", "8080").containsEntry("QUARKUS_PROFILE", "prod")
                .containsKeys("TIDEWATCH_TRUSTED_PROXIES", "TIDEWATCH_PUBLIC_BASE_URL");
        for (String key : List.of("TIDEWATCH_TOKEN_KEY", "TIDEWATCH_SESSION_KEY", "TIDEWATCH_ENCRYPTION_KEY")) {
            assertThat(env).as(key).anySatisfy(variable -> {
                assertThat(at(variable, "name")).isEqualTo(key);
                assertThat(at(variable, "valueFrom", "secretKeyRef", "key")).isNotNull();
            });
        }
    }

    @Test
    void chartPassesThePhishingContactAddressOnWhenGiven() {
        List<Map<String, Object>> objects = render(Map.of("config.phishContactAddress", "awareness@example-mssp.com"));

        assertThat(map(theOnly(rendered, "ConfigMap").get("data"))).doesNotContainKey("TIDEWATCH_PHISH_CONTACT_ADDRESS");
        assertThat(map(theOnly(objects, "ConfigMap").get("data")))
                .containsEntry("TIDEWATCH_PHISH_CONTACT_ADDRESS", "awareness@example-mssp.com");
    }

    @Test
    void chartCanLeaveTheScrapeAnnotationsOff() {
        List<Map<String, Object>> objects = render(Map.of("metrics.scrapeAnnotations", "false"));

        assertThat(map(at(theOnly(objects, "Deployment"), "spec", "template", "metadata", "annotations")))
                .doesNotContainKey("prometheus.io/scrape");
    }

    @Test
    void noDeploymentFileSetsSettingsTheServiceNoLongerReads() {
        List<String> stale = Stream.of(MANIFESTS, CHART, Path.of("docs", "deployment.md")).flatMap(HelmChartTest::filesUnder)
                .filter(file -> RETIRED_SETTINGS.stream().anyMatch(read(file)::contains))
                .map(Path::toString).toList();

        assertThat(stale).isEmpty();
    }

    @Test
    void kustomizationListsEveryManifestButTheSecretExample() throws IOException {
        Map<String, Object> kustomization = map(yaml().load(Files.readString(MANIFESTS.resolve("kustomization.yaml"))));

        List<String> manifestNames = manifestFiles().stream()
                .map(file -> file.getFileName().toString())
                .filter(name -> !name.equals("kustomization.yaml") && !name.equals(SECRET_EXAMPLE))
                .toList();

        assertThat(list(kustomization.get("resources"))).doesNotContain(SECRET_EXAMPLE)
                .containsExactlyInAnyOrderElementsOf(manifestNames);
    }

    @Test
    void secretExampleHoldsOnlyPlaceholders() throws IOException {
        Map<String, Object> example = map(yaml().load(Files.readString(MANIFESTS.resolve(SECRET_EXAMPLE))));

        assertThat(example).doesNotContainKey("data");
        assertThat(map(example.get("stringData")).values()).isNotEmpty()
                .allSatisfy(value -> assertThat((String) value).matches("<[^>]*>"));
    }

    @Test
    void noDeploymentFileContainsAnythingLikeASecretValue() {
        List<String> findings = Stream.of(MANIFESTS, CHART).flatMap(HelmChartTest::filesUnder)
                .flatMap(HelmChartTest::secretLookalikes)
                .toList();

        assertThat(findings).isEmpty();
    }

    private static int shutdownTimeoutSeconds() throws IOException {
        Matcher timeout = Pattern.compile("(?m)^quarkus\\.shutdown\\.timeout=(\\d+)s$")
                .matcher(Files.readString(Path.of("src", "main", "resources", "application.properties")));
        assertThat(timeout.find()).as("quarkus.shutdown.timeout in seconds").isTrue();
        return Integer.parseInt(timeout.group(1));
    }

    private static List<Map<String, Object>> render(Map<String, Object> overrides) {
        TemplateCommand command = new Helm(CHART).template().withName(RELEASE);
        overrides.forEach(command::set);
        return parseAll(command.call());
    }

    private static List<Map<String, Object>> loadManifests() {
        return manifestFiles().stream()
                .filter(file -> !file.endsWith(SECRET_EXAMPLE))
                .flatMap(file -> parseAll(read(file)).stream())
                .filter(object -> !"Kustomization".equals(object.get("kind")))
                .toList();
    }

    private static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> filesUnder(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> secretLookalikes(Path file) {
        List<String> findings = new ArrayList<>();
        List<String> lines = read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = file + ":" + (i + 1) + ": ";
            SECRET_LOOKALIKES.stream().filter(pattern -> pattern.matcher(line).find())
                    .forEach(pattern -> findings.add(where + line.strip()));
            Matcher token = TOKEN.matcher(line);
            while (token.find()) {
                if (looksRandom(token.group())) {
                    findings.add(where + token.group());
                }
            }
        }
        return findings.stream();
    }

    /** Mixed case and digits in one long unbroken run: the shape of a generated key, not of a name or a path. */
    private static boolean looksRandom(String token) {
        return token.chars().anyMatch(Character::isUpperCase) && token.chars().anyMatch(Character::isLowerCase)
                && token.chars().anyMatch(Character::isDigit);
    }

    private static List<Map<String, Object>> parseAll(String documents) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : yaml().loadAll(documents)) {
            if (document != null) {
                objects.add(map(document));
            }
        }
        return objects;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    private static Map<String, Object> theOnly(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> matching = ofKind(objects, kind);
        assertThat(matching).as("objects of kind " + kind).hasSize(1);
        return matching.get(0);
    }

    private static Map<String, Object> theOnlyContainer(List<Map<String, Object>> objects) {
        List<Object> containers = list(at(theOnly(objects, "Deployment"), "spec", "template", "spec", "containers"));
        assertThat(containers).hasSize(1);
        return map(containers.get(0));
    }

    private static List<Object> hosts(Map<String, Object> ingress) {
        return list(at(ingress, "spec", "rules")).stream().map(rule -> at(rule, "host")).toList();
    }

    /** Walks maps by key and lists by index; null as soon as a step is missing. */
    private static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> mapNode) {
                current = mapNode.get(step);
            } else if (current instanceof List<?> listNode && step instanceof Integer index && index < listNode.size()) {
                current = listNode.get(index);
            } else {
                return null;
            }
        }
        return current;
    }

    // SafeConstructor builds mappings as Map<String, Object> for these files, whose keys are all strings.
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    // SafeConstructor builds sequences as List<Object>.
    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Object>) node;
    }
}
