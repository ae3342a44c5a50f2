package io.eventsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.eventsync.egress.config.EgressProperties;
import io.eventsync.egress.config.SyncBackClientProperties;
import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.ingest.config.IngestProperties;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each Deployment against the app it runs: the port, probes and variables are the ones the app's
 * own configuration (its YAML file and {@code @ConfigurationProperties} records) has, so a renamed
 * property or port in the app breaks this test rather than a rollout.
 */
class DeploymentConfigurationTest {

    /** Variables read by something other than the app's properties: each with why it is there. */
    private static final Map<String, String> READ_BY_THE_PLATFORM = Map.of(
            "JAVA_TOOL_OPTIONS", "the JVM's flags (heap from the memory limit, exit on OOM)",
            "SPRING_CONFIG_ADDITIONAL_LOCATION", "Spring Boot's config data: the mounted file egress imports");

    private static final Pattern PORT_DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:(\\d+)}|(\\d+)");

    static Stream<Arguments> everyAppInEveryOverlay() {
        return Stream.of(Overlay.values()).flatMap(overlay -> Stream.of(App.values())
                .map(app -> Arguments.of(overlay, app)));
    }

    @ParameterizedTest
    @MethodSource("everyAppInEveryOverlay")
    void theHttpContainerPortIsTheAppsServerPort(Overlay overlay, App app) {
        PodConfiguration pod = PodConfiguration.of(overlay, app);
        List<ContainerPort> ports = pod.container.getPorts();

        assertThat(ports).extracting(ContainerPort::getName).containsExactly("http");
        int yamlDefault = serverPortDefault(app);
        assertThat(ports.get(0).getContainerPort()).isEqualTo(yamlDefault);
        // ... and what it is in this pod, with its variables (nothing may override it unnoticed).
        assertThat(pod.spring().getProperty("server.port", Integer.class)).isEqualTo(yamlDefault);
    }

    @ParameterizedTest
    @MethodSource("everyAppInEveryOverlay")
    void probesAskTheHealthGroupsTheAppEnables(Overlay overlay, App app) {
        PodConfiguration pod = PodConfiguration.of(overlay, app);
        var spring = pod.spring();
        assertThat(spring.getProperty("management.endpoint.health.probes.enabled", Boolean.class)).isTrue();
        assertThat(spring.getProperty("management.endpoints.web.exposure.include")).contains("health");
        assertThat(spring.getProperty("management.server.port")).as("actuator on its own port").isNull();
        String base = spring.getProperty("management.endpoints.web.base-path", "/actuator") + "/health/";

        Container container = pod.container;
        Map<String, Probe> probes = Map.of("startup", container.getStartupProbe(), "liveness",
                container.getLivenessProbe(), "readiness", container.getReadinessProbe());
        probes.forEach((kind, probe) -> {
            assertThat(probe).as(kind + " probe").isNotNull();
            assertThat(probe.getHttpGet().getPort().getStrVal()).as(kind + " probe port").isEqualTo("http");
            String path = probe.getHttpGet().getPath();
            assertThat(path).as(kind + " probe").startsWith(base);
            String group = path.substring(base.length());
            assertThat(spring.getProperty("management.endpoint.health.group." + group + ".include"))
                    .as(app + " configures no health group " + group + " (" + kind + " probe " + path + ")")
                    .isNotBlank();
        });
        // Startup waits for liveness: readiness may stay down for a long time (Kafka, a read model
        // catching up, OFSC), which must hold traffic back, not restart the pod.
        assertThat(container.getStartupProbe().getHttpGet().getPath()).endsWith("/liveness");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).endsWith("/liveness");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).endsWith("/readiness");
    }

    @ParameterizedTest
    @MethodSource("everyAppInEveryOverlay")
    void everyEnvironmentVariableIsOneTheAppReads(Overlay overlay, App app) {
        PodConfiguration pod = PodConfiguration.of(overlay, app);

        assertThat(unread(pod, pod.environment.keySet()))
                .as("variables %s's Deployment in %s sets but nothing reads", app, overlay).isEmpty();
    }

    /** The check above is only worth something if it catches a typo: an s too few. */
    @Test
    void aVariableThatBindsNoPropertyIsReported() {
        Map<String, String> extra = Map.of(
                "EVENTSYNC_KAFKA_BOOTSTRAPSERVER", "kafka:9093", // bootstrap-servers, an s short
                "KAFKA_BOOTSTRAP_SERVER", "kafka:9093", // the placeholder, an S short
                "EVENTSYNC_GATEWAY_PUBLISHTIMEOUT", "5s", // right: canonical form of publish-timeout
                "EVENTSYNC_GATEWAY_MAX_BULK_ITEMS", "10", // right: legacy form of max-bulk-items
                "EVENTSYNC_KAFKA_PRODUCER_LINGER_MS", "1"); // right: an entry of the producer map
        PodConfiguration pod = PodConfiguration.withExtraVariables(Overlay.DEV, App.GATEWAY, extra);

        assertThat(unread(pod, extra.keySet()))
                .containsExactlyInAnyOrder("EVENTSYNC_KAFKA_BOOTSTRAPSERVER", "KAFKA_BOOTSTRAP_SERVER");
    }

    /**
     * The apps' files default every credential to the sandbox's, which are public: each must come
     * from a Secret, or the pod would start with a password anyone can read in git.
     */
    @ParameterizedTest
    @MethodSource("everyAppInEveryOverlay")
    void everyCredentialPlaceholderIsSetFromASecret(Overlay overlay, App app) {
        PodConfiguration pod = PodConfiguration.of(overlay, app);
        Set<String> credentials = pod.placeholders().stream()
                .filter(name -> name.matches(".*(PASSWORD|SECRET|_KEY)")).collect(Collectors.toSet());

        assertThat(credentials).isNotEmpty();
        assertThat(credentials).allSatisfy(name -> assertThat(pod.sources.get(name))
                .as(name).isNotNull().extracting(PodConfiguration.Source::kind).isEqualTo("Secret"));
        assertThat(pod.sources).hasEntrySatisfying("EVENTSYNC_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                source -> assertThat(source.kind()).isEqualTo("Secret"));
    }

    /** Topics are KafkaTopics (with their own partitions), and the apps' users may not create any. */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noAppCreatesTopics(Overlay overlay) {
        assertThat(PodConfiguration.of(overlay, App.GATEWAY).bind(GatewayProperties.class).createTopic()).isFalse();
        assertThat(PodConfiguration.of(overlay, App.INGEST_OFSC).bind(IngestProperties.class).createTopics()).isFalse();
        assertThat(PodConfiguration.of(overlay, App.EGRESS_OPSRAMP).bind(EgressProperties.class).createTopics())
                .isFalse();
    }

    /**
     * Egress's installed integrations are a list of nested objects, which environment variables
     * cannot give; the mounted file must replace the packaged sandbox tenant (whose base notifier is
     * the receiver simulator on localhost), with values from the pod's ConfigMap and Secret.
     */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void egressTakesItsInstalledIntegrationsFromTheMountedFileNotTheSandbox(Overlay overlay) {
        PodConfiguration pod = PodConfiguration.of(overlay, App.EGRESS_OPSRAMP);
        EgressProperties egress = pod.bind(EgressProperties.class);

        assertThat(pod.importedFiles()).containsOnlyKeys("/etc/eventsync/config/eventsync-egress-opsramp.yml");
        assertThat(egress.tenants()).singleElement().satisfies(tenant -> {
            assertThat(tenant.id()).isEqualTo(pod.environment.get("OPSRAMP_TENANT_ID"));
            assertThat(tenant.integrations()).singleElement().satisfies(integration -> {
                assertThat(integration.id()).isEqualTo(pod.environment.get("OPSRAMP_INTEGRATION_ID"))
                        .isNotEqualTo("INTG-sandbox");
                assertThat(integration.baseNotifier().baseURI()).isEqualTo(pod.environment.get("OPSRAMP_URL"));
                assertThat(integration.baseNotifier().apiSecret())
                        .isEqualTo(PodConfiguration.standInSecret("egress-opsramp-credentials", "opsramp-client-secret"));
                assertThat(integration.notifier().authType()).hasToString("OAUTH2");
            });
        });
        // Without its own allowlist, egress keeps the sandbox's (localhost only) and delivers nothing.
        assertThat(egress.allowlist()).isNotEmpty().noneMatch(entry -> entry.contains("localhost")
                || entry.startsWith("127."));
        assertThat(egress.secretKey()).isEqualTo(PodConfiguration.standInSecret("egress-opsramp-credentials",
                "secret-key"));
    }

    /** Sync-back calls OMi only where an overlay says where OMi is (prod), and then on its allowlist. */
    @Test
    void egressSyncsBackToOmiOnlyInProdAndOnlyToAnAllowedHost() {
        SyncBackClientProperties dev = PodConfiguration.of(Overlay.DEV, App.EGRESS_OPSRAMP)
                .bind(SyncBackClientProperties.class);
        PodConfiguration prodPod = PodConfiguration.of(Overlay.PROD, App.EGRESS_OPSRAMP);
        SyncBackClientProperties prod = prodPod.bind(SyncBackClientProperties.class);

        assertThat(dev.enabled()).isFalse();
        assertThat(prod.enabled()).isTrue();
        assertThat(prod.connectedServers()).singleElement().satisfies(server -> {
            assertThat(server.url()).startsWith("https://").doesNotContain("localhost");
            String host = URI.create(server.url()).getHost();
            assertThat(prodPod.bind(EgressProperties.class).allowlist()).contains(host);
            assertThat(server.password()).isEqualTo(PodConfiguration.standInSecret("egress-opsramp-credentials",
                    "omi-connected-server-password"));
        });
    }

    @ParameterizedTest
    @MethodSource("everyAppInEveryOverlay")
    void everyContainerRunsAsTheImagesUserWithoutPrivilegesOnAReadOnlyRoot(Overlay overlay, App app) {
        PodSpec pod = PodConfiguration.of(overlay, app).deployment.getSpec().getTemplate().getSpec();
        PodSecurityContext podContext = pod.getSecurityContext();
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);

        List<Container> containers = new ArrayList<>(pod.getContainers());
        containers.addAll(pod.getInitContainers());
        for (Container container : containers) {
            SecurityContext context = container.getSecurityContext();
            String what = overlay + " " + app + " container " + container.getName();
            assertThat(context).as(what).isNotNull();
            // Jib builds the images to run as 10001:10001; runAsNonRoot makes the kubelet check it.
            assertThat(first(context.getRunAsNonRoot(), podContext.getRunAsNonRoot())).as(what).isTrue();
            assertThat(first(context.getRunAsUser(), podContext.getRunAsUser())).as(what).isEqualTo(10001L);
            assertThat(first(context.getRunAsGroup(), podContext.getRunAsGroup())).as(what).isEqualTo(10001L);
            assertThat(context.getReadOnlyRootFilesystem()).as(what).isTrue();
            assertThat(context.getAllowPrivilegeEscalation()).as(what).isFalse();
            assertThat(context.getPrivileged()).as(what).isNotEqualTo(Boolean.TRUE);
            Capabilities capabilities = context.getCapabilities();
            assertThat(capabilities.getDrop()).as(what).contains("ALL");
            assertThat(capabilities.getAdd()).as(what).isEmpty();
            var seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile()
                    : podContext.getSeccompProfile();
            assertThat(seccomp.getType()).as(what).isEqualTo("RuntimeDefault");
            // The one writable place: an emptyDir at /tmp (java.io.tmpdir).
            VolumeMount tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(what + " mounts nothing at /tmp"));
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst()
                    .orElseThrow();
            assertThat(volume.getEmptyDir()).as(what + " /tmp").isNotNull();
        }
    }

    /**
     * Kubernetes puts every Service of the namespace into a pod's environment as Docker links
     * unless told not to; the Service "gateway" would set GATEWAY_PORT=tcp://..., which the gateway
     * reads as its server.port. Off everywhere, so no Service can shadow an app's variable.
     */
    @ParameterizedTest
    @MethodSource("everyAppInEveryOverlay")
    void serviceLinksAreOffSoNoServiceCanShadowTheAppsVariables(Overlay overlay, App app) {
        PodConfiguration pod = PodConfiguration.of(overlay, app);
        Set<String> linkVariables = overlay.all(Service.class).stream()
                .map(service -> service.getMetadata().getName().toUpperCase().replace('-', '_'))
                .flatMap(prefix -> Stream.of(prefix + "_PORT", prefix + "_SERVICE_HOST", prefix + "_SERVICE_PORT"))
                .collect(Collectors.toSet());
        Set<String> shadowed = new TreeSet<>(linkVariables);
        shadowed.retainAll(pod.placeholders());

        assertThat(pod.deployment.getSpec().getTemplate().getSpec().getEnableServiceLinks())
                .as("%s would get %s from Services", app, shadowed).isFalse();
    }

    @ParameterizedTest
    @MethodSource("everyAppInEveryOverlay")
    void containersRequestAndLimitCpuAndMemoryWithMemoryGuaranteed(Overlay overlay, App app) {
        var resources = PodConfiguration.of(overlay, app).container.getResources();
        assertThat(resources.getRequests()).containsKeys("cpu", "memory");
        assertThat(resources.getLimits()).containsKeys("cpu", "memory");
        // The heap is a share of the limit (MaxRAMPercentage): a request below it lets the node
        // overcommit memory the JVM will use, and the pod is the one killed.
        assertThat(Quantity.getAmountInBytes(resources.getRequests().get("memory")))
                .isEqualTo(Quantity.getAmountInBytes(resources.getLimits().get("memory")));
        assertThat(PodConfiguration.of(overlay, app).environment.get("JAVA_TOOL_OPTIONS"))
                .contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError");
    }

    @ParameterizedTest
    @MethodSource("everyAppInEveryOverlay")
    void imagesArePinnedToTheOverlaysTag(Overlay overlay, App app) {
        String tag = overlay == Overlay.DEV ? "dev" : "0.1.0";

        assertThat(PodConfiguration.of(overlay, app).container.getImage()).isEqualTo("eventsync/" + app.name + ":" + tag);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void ingestRunsOnePollerRecreatedAndNeverAutoscaled(Overlay overlay) {
        Deployment ingest = overlay.deployment(App.INGEST_OFSC);

        assertThat(ingest.getSpec().getReplicas()).isEqualTo(1);
        assertThat(ingest.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(overlay.all(HorizontalPodAutoscaler.class))
                .noneMatch(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals(App.INGEST_OFSC.name));
    }

    /** A replica count in the Deployment would be reset by every apply, fighting the autoscaler. */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void gatewayAndEgressLeaveTheirCountToTheirAutoscalerAndRollOneAtATime(Overlay overlay) {
        for (App app : List.of(App.GATEWAY, App.EGRESS_OPSRAMP)) {
            Deployment deployment = overlay.deployment(app);
            assertThat(deployment.getSpec().getReplicas()).as(app.name).isNull();
            assertThat(overlay.named(HorizontalPodAutoscaler.class, app.name).getSpec().getScaleTargetRef())
                    .satisfies(ref -> {
                        assertThat(ref.getKind()).isEqualTo("Deployment");
                        assertThat(ref.getName()).isEqualTo(app.name);
                    });
            var rolling = deployment.getSpec().getStrategy().getRollingUpdate();
            assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
            assertThat(rolling.getMaxUnavailable().getIntVal()).isZero();
            assertThat(rolling.getMaxSurge().getIntVal()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("everyAppInEveryOverlay")
    void podsRunUnderTheirOwnServiceAccountWithoutAToken(Overlay overlay, App app) {
        PodSpec pod = overlay.deployment(app).getSpec().getTemplate().getSpec();
        ServiceAccount account = overlay.named(ServiceAccount.class, pod.getServiceAccountName());

        assertThat(pod.getServiceAccountName()).isEqualTo(app.name);
        assertThat(account.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    }

    /** Names in a pod's environment that neither the platform, a placeholder, nor a bound property reads. */
    static List<String> unread(PodConfiguration pod, Set<String> variables) {
        Set<String> bound = pod.boundNames().stream().flatMap(name -> PodConfiguration.environmentNames(name).stream())
                .collect(Collectors.toSet());
        Set<String> placeholders = pod.placeholders();
        return variables.stream()
                .filter(name -> !READ_BY_THE_PLATFORM.containsKey(name))
                .filter(name -> !placeholders.contains(name))
                .filter(name -> !bound.contains(name))
                .sorted().toList();
    }

    private static int serverPortDefault(App app) {
        JsonNode yaml;
        try {
            yaml = new ObjectMapper(new YAMLFactory()).readTree(app.configFile().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String raw = yaml.path("server").path("port").asText();
        Matcher matcher = PORT_DEFAULT.matcher(raw);
        assertThat(matcher.matches()).as(app.configFile() + " server.port " + raw).isTrue();
        return Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    private static <T> T first(T container, T pod) {
        return container != null ? container : pod;
    }
}
