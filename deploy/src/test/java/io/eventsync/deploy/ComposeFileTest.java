package io.eventsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * docker-compose.yml against the apps, the simulators and Prometheus' config, read statically (no
 * Docker engine needed): images, ports, variables, Kafka's address, mounts and scrape targets are
 * what the apps and the sandbox jar actually use, so a renamed variable or port breaks this test
 * rather than {@code docker compose up}.
 */
class ComposeFileTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path COMPOSE_FILE = Repository.root().resolve("docker-compose.yml");
    private static final Path PROMETHEUS_CONFIG = Repository.root().resolve("monitoring/prometheus/prometheus.yml");
    private static final String KAFKA = "kafka";
    private static final String SIMULATORS = "simulators";
    private static final String SIMULATORS_MAIN = "io.eventsync.sandbox.Simulators";
    private static final String SPRING_APPLICATION_JSON = "SPRING_APPLICATION_JSON";
    private static final Path SANDBOX_SOURCES = Repository.root().resolve("sandbox/src/main/java/io/eventsync/sandbox");
    /** A string literal that looks like an environment variable's name. */
    private static final Pattern VARIABLE_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
    private static final Pattern SIMULATORS_ADDRESS = Pattern.compile("\\bsimulators:(\\d+)");

    // ---------------------------------------------------------------- images

    @Test
    void everyServicesImageIsPinnedToATag() {
        services().fields().forEachRemaining(service -> {
            String image = service.getValue().path("image").asText("");
            assertThat(image).as("service %s has no image", service.getKey()).isNotBlank();
            String tag = tagOf(image);
            assertThat(tag).as("service %s: image %s has no tag (or digest)", service.getKey(), image).isNotEmpty();
            assertThat(tag).as("service %s: image %s is not pinned", service.getKey(), image).isNotEqualTo("latest");
        });
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void eachAppRunsItsDevImage(App app) {
        assertThat(service(app.name).path("image").asText()).as("service %s image", app.name)
                .isEqualTo("eventsync/" + app.name + ":dev");
    }

    // ---------------------------------------------------------------- the apps

    @ParameterizedTest
    @EnumSource(App.class)
    void eachAppPublishesTheServerPortItListensOn(App app) {
        int port = serverPort(app);
        assertThat(containerPorts(app.name)).as("service %s ports (server.port of %s is %d)", app.name,
                app.configFile(), port).contains(port);
        // ... and nothing in the service's environment moves the app off it.
        assertThat(composePod(app).spring().getProperty("server.port", Integer.class))
                .as("server.port of service %s with its environment", app.name).isEqualTo(port);
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void eachAppWaitsForAHealthyKafka(App app) {
        JsonNode dependsOn = service(app.name).path("depends_on");
        assertThat(dependsOnNames(dependsOn)).as("service %s depends_on", app.name).contains(KAFKA);
        if (service(KAFKA).has("healthcheck") && dependsOn.isObject()) {
            assertThat(dependsOn.path(KAFKA).path("condition").asText())
                    .as("service %s depends_on kafka condition (kafka has a healthcheck)", app.name)
                    .isEqualTo("service_healthy");
        }
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void everyEnvironmentVariableOfAnAppServiceIsOneTheAppReads(App app) {
        Map<String, String> environment = environment(app.name);
        PodConfiguration pod = composePod(app);
        Set<String> variables = new LinkedHashSet<>(environment.keySet());
        // Spring Boot reads SPRING_APPLICATION_JSON itself (checked below), outside the app's properties.
        if (isSpringBoot(app)) {
            variables.remove(SPRING_APPLICATION_JSON);
        }

        assertThat(DeploymentConfigurationTest.unread(pod, variables))
                .as("variables service %s in docker-compose.yml sets but %s does not read", app.name, app.name)
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void springApplicationJsonIsValidJsonThatSetsOnlyPropertiesTheAppBinds(App app) {
        String json = environment(app.name).get(SPRING_APPLICATION_JSON);
        if (json == null) {
            return;
        }
        assertThat(isSpringBoot(app)).as("service %s sets SPRING_APPLICATION_JSON, but %s is no Spring Boot app",
                app.name, app.name).isTrue();
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("service " + app.name + ": SPRING_APPLICATION_JSON is no JSON: "
                    + e.getOriginalMessage(), e);
        }
        Set<ConfigurationPropertyName> bound = composePod(app).boundNames();
        List<String> unbound = new ArrayList<>();
        leaves(tree, "", unbound);
        // Each leaf itself: the list (routes) and every object above a leaf are bound too, so an
        // ancestor being bound says nothing about a misspelt key under it.
        unbound.removeIf(leaf -> bound.contains(ConfigurationPropertyName.adapt(leaf, '.')));
        assertThat(unbound).as("properties service %s's SPRING_APPLICATION_JSON sets but %s does not bind",
                app.name, app.name).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void eachAppReachesKafkaAtItsInternalAdvertisedListener(App app) {
        String internal = internalKafkaAddress();
        assertThat(environment(app.name).get("KAFKA_BOOTSTRAP_SERVERS"))
                .as("service %s KAFKA_BOOTSTRAP_SERVERS (kafka advertises %s to the containers)", app.name, internal)
                .isEqualTo(internal);
        // What every Kafka client the app opens is then given, by the app's own KafkaClientConfigs.
        app.kafkaClients(composePod(app).binder()).forEach((client, settings) ->
                assertThat(settings.get("bootstrap.servers")).as("service %s: %s client's bootstrap.servers",
                        app.name, client).isEqualTo(internal));
    }

    // ---------------------------------------------------------------- the simulators

    @Test
    void theSimulatorsServiceSetsOnlyVariablesTheSimulatorsRead() {
        Set<String> read = variablesTheSimulatorsRead();
        Set<String> unread = new TreeSet<>(environment(SIMULATORS).keySet());
        unread.removeAll(read);

        assertThat(unread).as("variables service simulators sets but the simulators do not read (they read %s)", read)
                .isEmpty();
    }

    @Test
    void theSimulatorsServiceStartsTheSimulatorsMainListeningOnEveryInterface() {
        List<String> command = new ArrayList<>();
        JsonNode raw = service(SIMULATORS).path("command");
        if (raw.isArray()) {
            raw.forEach(argument -> command.add(argument.asText()));
        } else {
            command.addAll(List.of(raw.asText().trim().split("\\s+")));
        }
        assertThat(command).as("service simulators command").isNotEmpty();
        assertThat(command.get(0)).as("service simulators command").isEqualTo("java");
        // JVM options are the arguments before the main class (skipping -cp's value).
        List<String> options = new ArrayList<>();
        String mainClass = null;
        for (int i = 1; i < command.size(); i++) {
            String argument = command.get(i);
            if (argument.equals("-cp") || argument.equals("-classpath") || argument.equals("--class-path")) {
                options.add(argument);
                options.add(command.get(++i));
            } else if (argument.startsWith("-")) {
                options.add(argument);
            } else {
                mainClass = argument;
                break;
            }
        }
        assertThat(options).as("service simulators: JVM options before the main class in %s", command)
                .contains("-Deventsync.sim.bind-address=0.0.0.0");
        if (!SIMULATORS_MAIN.equals(mainClass)) {
            assertThat(mainClass).as("service simulators main class in %s", command)
                    .isEqualTo("org.springframework.boot.loader.launch.PropertiesLauncher");
            assertThat(options).as("service simulators: PropertiesLauncher's loader.main in %s", command)
                    .contains("-Dloader.main=" + SIMULATORS_MAIN);
        }
        assertThat(SANDBOX_SOURCES.resolve("Simulators.java")).as(SIMULATORS_MAIN).isRegularFile();
        // The class path is the sandbox jar, mounted from the sandbox module's build.
        String classPath = options.get(options.indexOf("-cp") + 1);
        assertThat(bindMounts(SIMULATORS)).as("service simulators mounts the jar of its -cp %s", classPath)
                .containsEntry(classPath, "./sandbox/target/eventsync-sandbox.jar");
        assertThat(Repository.read(Repository.root().resolve("sandbox/pom.xml")))
                .as("sandbox/pom.xml builds target/eventsync-sandbox.jar")
                .contains("<finalName>eventsync-sandbox</finalName>");
    }

    @Test
    void theAppsAreGivenTheSimulatorsAtThePortsTheSimulatorsServiceSets() {
        Map<String, String> simulators = environment(SIMULATORS);
        Map<String, String> expected = new LinkedHashMap<>();
        // Which app variable names which simulator: the port variable it must match.
        expected.put(App.INGEST_OFSC.name + " OFSC_URL", "OFSC_SIM_PORT");
        expected.put(App.EGRESS_OPSRAMP.name + " RECEIVER_URL", "RECEIVER_PORT");
        expected.put(App.EGRESS_OPSRAMP.name + " OMI_SYNC_URL", "OMI_SIM_PORT");
        expected.forEach((appAndVariable, portVariable) -> {
            String[] parts = appAndVariable.split(" ");
            String url = environment(parts[0]).get(parts[1]);
            assertThat(url).as("service %s sets no %s", parts[0], parts[1]).isNotNull();
            assertThat(simulators.get(portVariable)).as("service simulators sets no %s", portVariable).isNotNull();
            URI uri = URI.create(url);
            assertThat(uri.getHost() + ":" + uri.getPort()).as("service %s %s (simulators' %s)", parts[0], parts[1],
                    portVariable).isEqualTo(SIMULATORS + ":" + simulators.get(portVariable));
        });
        // Any other mention (SPRING_APPLICATION_JSON's notifier, the egress allowlist) is one of those ports.
        Set<String> ports = Set.of(simulators.get("OFSC_SIM_PORT"), simulators.get("RECEIVER_PORT"),
                simulators.get("OMI_SIM_PORT"));
        for (App app : App.values()) {
            environment(app.name).forEach((variable, value) -> {
                Matcher matcher = SIMULATORS_ADDRESS.matcher(value);
                while (matcher.find()) {
                    assertThat(matcher.group(1)).as("service %s %s names %s, but the simulators listen on %s",
                            app.name, variable, matcher.group(), ports).isIn(ports);
                }
            });
        }
    }

    @Test
    void theOmiSimulatorForwardsToTheGatewaysPort() {
        URI gateway = URI.create(environment(SIMULATORS).get("GATEWAY_URL"));
        assertThat(gateway.getHost() + ":" + gateway.getPort()).as("service simulators GATEWAY_URL")
                .isEqualTo(App.GATEWAY.name + ":" + serverPort(App.GATEWAY));
    }

    // ---------------------------------------------------------------- mounts

    @Test
    void everyBindMountSourceExistsUnlessItIsABuildOutput() {
        Set<String> namedVolumes = new LinkedHashSet<>();
        compose().path("volumes").fieldNames().forEachRemaining(namedVolumes::add);
        services().fieldNames().forEachRemaining(service -> {
            for (JsonNode volume : service(service).path("volumes")) {
                String source;
                if (volume.isTextual()) {
                    source = volume.asText().split(":")[0];
                    if (!source.startsWith(".") && !source.startsWith("/") && !source.startsWith("~")) {
                        assertThat(namedVolumes).as("service %s mounts volume %s, which volumes: does not declare",
                                service, source).contains(source);
                        continue;
                    }
                } else if (volume.path("type").asText().equals("bind")) {
                    source = volume.path("source").asText();
                } else {
                    String name = volume.path("source").asText();
                    if (!name.isEmpty()) {
                        assertThat(namedVolumes).as("service %s mounts volume %s, which volumes: does not declare",
                                service, name).contains(name);
                    }
                    continue;
                }
                if (source.contains("/target/")) {
                    continue; // built by ./mvnw before `docker compose up` (see the file's header)
                }
                assertThat(COMPOSE_FILE.getParent().resolve(source).normalize())
                        .as("service %s bind-mounts %s, which is not in the repository", service, source).exists();
            }
        });
    }

    // ---------------------------------------------------------------- Prometheus

    @Test
    void prometheusLoadsTheMountedConfig() {
        String configFile = StreamSupport.stream(service("prometheus").path("command").spliterator(), false)
                .map(JsonNode::asText).filter(argument -> argument.startsWith("--config.file="))
                .map(argument -> argument.substring("--config.file=".length())).findFirst()
                .orElseThrow(() -> new AssertionError("service prometheus command has no --config.file"));
        assertThat(bindMounts("prometheus")).as("service prometheus mounts its --config.file %s", configFile)
                .containsEntry(configFile, "./" + Repository.root().relativize(PROMETHEUS_CONFIG));
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void prometheusScrapesEachAppByItsNameAtItsServiceAndPort(App app) {
        JsonNode config = read(PROMETHEUS_CONFIG);
        JsonNode job = StreamSupport.stream(config.path("scrape_configs").spliterator(), false)
                .filter(candidate -> candidate.path("job_name").asText().equals(app.name)).findFirst()
                .orElseThrow(() -> new AssertionError(PROMETHEUS_CONFIG + " has no job_name " + app.name));
        var spring = composePod(app).spring();
        String path = spring.getProperty("management.endpoints.web.base-path", "/actuator") + "/prometheus";

        assertThat(path).isEqualTo("/actuator/prometheus");
        assertThat(job.path("metrics_path").asText("/metrics")).as("job %s metrics_path", app.name).isEqualTo(path);
        assertThat(spring.getProperty("management.endpoints.web.exposure.include"))
                .as("%s exposes the prometheus endpoint", app.name).contains("prometheus");
        List<String> targets = new ArrayList<>();
        job.path("static_configs").forEach(group -> group.path("targets").forEach(t -> targets.add(t.asText())));
        assertThat(targets).as("job %s targets", app.name).containsExactly(app.name + ":" + serverPort(app));
        assertThat(services().has(app.name)).as("docker-compose.yml has a service %s", app.name).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode compose() {
        return read(COMPOSE_FILE);
    }

    private static JsonNode services() {
        JsonNode services = compose().path("services");
        assertThat(services.isObject()).as("docker-compose.yml services").isTrue();
        return services;
    }

    private static JsonNode service(String name) {
        JsonNode service = services().path(name);
        if (!service.isObject()) {
            fail("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** A service's environment, in either of compose's forms (map, or list of NAME=value). */
    private static Map<String, String> environment(String service) {
        JsonNode raw = service(service).path("environment");
        Map<String, String> environment = new LinkedHashMap<>();
        if (raw.isArray()) {
            raw.forEach(entry -> {
                String[] parts = entry.asText().split("=", 2);
                environment.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        } else {
            raw.fields().forEachRemaining(entry -> environment.put(entry.getKey(),
                    entry.getValue().isNull() ? "" : entry.getValue().asText()));
        }
        return environment;
    }

    /** The app as its compose service runs it: its YAML file and the service's variables. */
    private static PodConfiguration composePod(App app) {
        return PodConfiguration.ofEnvironment("compose", app, environment(app.name));
    }

    /** server.port as the app's own YAML file has it when nothing overrides it. */
    private static int serverPort(App app) {
        Integer port = PodConfiguration.ofEnvironment("defaults", app, Map.of()).spring()
                .getProperty("server.port", Integer.class);
        assertThat(port).as("server.port of " + app.configFile()).isNotNull();
        return port;
    }

    /** Container side of each published port: "8080", "8081:8080", "127.0.0.1:8081:8080/tcp", or long form. */
    private static List<Integer> containerPorts(String service) {
        List<Integer> ports = new ArrayList<>();
        for (JsonNode port : service(service).path("ports")) {
            if (port.isObject()) {
                ports.add(port.path("target").asInt());
            } else {
                String text = port.asText().replaceFirst("/(tcp|udp)$", "");
                ports.add(Integer.parseInt(text.substring(text.lastIndexOf(':') + 1)));
            }
        }
        return ports;
    }

    private static Set<String> dependsOnNames(JsonNode dependsOn) {
        Set<String> names = new LinkedHashSet<>();
        if (dependsOn.isArray()) {
            dependsOn.forEach(name -> names.add(name.asText()));
        } else {
            dependsOn.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** Container path to host source of a service's bind mounts. */
    private static Map<String, String> bindMounts(String service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (JsonNode volume : service(service).path("volumes")) {
            if (volume.isObject() && volume.path("type").asText().equals("bind")) {
                mounts.put(volume.path("target").asText(), volume.path("source").asText());
            } else if (volume.isTextual() && volume.asText().startsWith(".")) {
                String[] parts = volume.asText().split(":");
                mounts.put(parts[1], parts[0]);
            }
        }
        return mounts;
    }

    /**
     * host:port of the listener Kafka advertises to the other containers: the inter-broker one,
     * which the brokers themselves reach each other on (not EXTERNAL's localhost).
     */
    private static String internalKafkaAddress() {
        Map<String, String> kafka = environment(KAFKA);
        String name = kafka.getOrDefault("KAFKA_INTER_BROKER_LISTENER_NAME", "INTERNAL");
        String advertised = kafka.get("KAFKA_ADVERTISED_LISTENERS");
        assertThat(advertised).as("service kafka KAFKA_ADVERTISED_LISTENERS").isNotNull();
        String address = Arrays.stream(advertised.split(","))
                .map(String::trim).filter(listener -> listener.startsWith(name + "://"))
                .map(listener -> listener.substring(name.length() + 3)).findFirst()
                .orElseThrow(() -> new AssertionError("service kafka KAFKA_ADVERTISED_LISTENERS " + advertised
                        + " has no " + name + " listener"));
        String host = address.substring(0, address.lastIndexOf(':'));
        assertThat(host).as("service kafka advertises %s as %s, which other containers cannot resolve", name, address)
                .isIn(KAFKA, service(KAFKA).path("hostname").asText(KAFKA));
        return address;
    }

    /**
     * What {@link io.eventsync.sandbox.Simulators} reads: every variable-shaped literal in the two
     * settings' {@code fromEnvironment} (each literal there is a name passed to a read such as
     * {@code port(env, "OFSC_SIM_PORT")} or {@code read.credentials("A", "B", ...)}), Simulators'
     * own {@code env.get("...")}, and the three of SandboxSettings it uses (listed, because
     * SandboxSettings also reads the sandbox's own apps' ports, which Simulators ignores).
     */
    private static Set<String> variablesTheSimulatorsRead() {
        Set<String> names = new TreeSet<>();
        names.addAll(literalsIn(methodBody(SANDBOX_SOURCES.resolve("ofsc/OfscSimulatorSettings.java"),
                "static OfscSimulatorSettings fromEnvironment(Map<String, String> env)")));
        names.addAll(literalsIn(methodBody(SANDBOX_SOURCES.resolve("receiver/ReceiverSimulatorSettings.java"),
                "static ReceiverSimulatorSettings fromEnvironment(Map<String, String> env)")));
        String simulators = Repository.read(SANDBOX_SOURCES.resolve("Simulators.java"));
        Matcher get = Pattern.compile("env\\.get\\(\"([A-Z0-9_]+)\"\\)").matcher(simulators);
        while (get.find()) {
            names.add(get.group(1));
        }
        String sandboxSettings = Repository.read(SANDBOX_SOURCES.resolve("SandboxSettings.java"));
        for (String name : List.of("OMI_SIM_PORT", "OMI_CONNECTED_SERVER_NAME", "OMI_CONNECTED_SERVER_PASSWORD")) {
            assertThat(sandboxSettings).as("SandboxSettings reads " + name).contains("\"" + name + "\"");
            names.add(name);
        }
        assertThat(names).as("variables found in the simulators' sources")
                .contains("OFSC_SIM_PORT", "RECEIVER_PORT", "GATEWAY_URL");
        return names;
    }

    private static String methodBody(Path source, String signature) {
        String text = Repository.read(source);
        int start = text.indexOf(signature);
        assertThat(start).as(source + " has " + signature).isNotNegative();
        int open = text.indexOf('{', start);
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return text.substring(open, i + 1);
            }
        }
        throw new AssertionError(source + ": unbalanced braces after " + signature);
    }

    private static Set<String> literalsIn(String code) {
        Matcher matcher = VARIABLE_LITERAL.matcher(code);
        Set<String> names = new LinkedHashSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Property names of a JSON tree's leaves, as Spring Boot's JSON property source flattens it. */
    private static void leaves(JsonNode node, String prefix, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field ->
                    leaves(field.getValue(), prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), prefix + "[" + i + "]", into);
            }
        } else {
            into.add(prefix);
        }
    }

    private static boolean isSpringBoot(App app) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(SpringBootApplication.class));
        return !scanner.findCandidateComponents(app.basePackage).isEmpty();
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tagOf(String image) {
        if (image.contains("@")) {
            return image.substring(image.indexOf('@') + 1);
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        return last.contains(":") ? last.substring(last.indexOf(':') + 1) : "";
    }
}
