package io.eventsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Services point at their app's pods, and the network policies let through exactly what
 * docs/operations.md says: into each app only on its http port from the ingress controller and
 * Prometheus, out only to DNS, Kafka and (ingest, egress) HTTPS third parties.
 */
class NetworkAndServicesTest {

    private static final Pattern STRIMZI_BOOTSTRAP =
            Pattern.compile("([a-z0-9-]+)-kafka-bootstrap(?:\\.([a-z0-9-]+)(?:\\.svc(?:\\.[a-z0-9.-]+)?)?)?:(\\d+)");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceSelectsOneDeploymentsPodsAndTargetsItsHttpPort(Overlay overlay) {
        assertThat(overlay.all(Service.class)).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("gateway", "ingest-ofsc", "egress-opsramp");
        for (Service service : overlay.all(Service.class)) {
            List<Deployment> selected = overlay.all(Deployment.class).stream()
                    .filter(d -> matches(service.getSpec().getSelector(), podLabels(d))).toList();
            assertThat(selected).as("Deployments Service %s selects", service.getMetadata().getName()).hasSize(1);
            var container = selected.get(0).getSpec().getTemplate().getSpec().getContainers().get(0);
            var http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow();
            assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
                assertThat(port.getPort()).isEqualTo(http.getContainerPort());
            });
        }
    }

    /** A policy with both types and no rules selects each app: whatever no other policy allows is denied. */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyAppPodIsDeniedEverythingByDefault(Overlay overlay) {
        for (App app : App.values()) {
            assertThat(policiesFor(overlay, app)).as(app.name).anySatisfy(policy -> {
                assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
                assertThat(policy.getSpec().getIngress()).isEmpty();
                assertThat(policy.getSpec().getEgress()).isEmpty();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void appsAreReachableOnlyOnTheirHttpPortFromTheIngressControllerOrPrometheus(Overlay overlay) {
        Map<App, Set<String>> expected = Map.of(
                App.GATEWAY, Set.of("namespace ingress-nginx", "namespace monitoring"), // OMi, service desks; metrics
                App.EGRESS_OPSRAMP, Set.of("namespace ingress-nginx", "namespace monitoring"), // admin API; metrics
                App.INGEST_OFSC, Set.of("namespace monitoring")); // metrics only
        for (App app : App.values()) {
            Set<String> sources = new TreeSet<>();
            for (NetworkPolicy policy : policiesFor(overlay, app)) {
                for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                    assertThat(rule.getPorts()).as(app + " ingress ports").isNotEmpty()
                            .allSatisfy(port -> assertThat(port.getPort().getStrVal()).isEqualTo("http"));
                    assertThat(rule.getFrom()).as(app + " ingress from anywhere").isNotEmpty();
                    rule.getFrom().forEach(peer -> sources.add(describe(peer)));
                }
            }
            assertThat(sources).as(app + " is reachable from").isEqualTo(expected.get(app));
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void appsLeaveOnlyForDnsKafkaAndTheirThirdParties(Overlay overlay) {
        Map<App, Set<String>> expected = new HashMap<>(Map.of(
                App.GATEWAY, Set.of("dns", "kafka"),
                App.INGEST_OFSC, Set.of("dns", "kafka", "public https"), // OFSC
                App.EGRESS_OPSRAMP, Set.of("dns", "kafka", "public https"))); // OpsRamp, receivers, webhooks
        if (overlay == Overlay.PROD) {
            expected.put(App.EGRESS_OPSRAMP, Set.of("dns", "kafka", "public https", "omi")); // sync-back
        }
        for (App app : App.values()) {
            Set<String> destinations = new TreeSet<>();
            for (NetworkPolicy policy : policiesFor(overlay, app)) {
                for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                    destinations.add(classify(policy, rule));
                }
            }
            assertThat(destinations).as(app + " may reach").isEqualTo(expected.get(app));
        }
    }

    /** The Kafka rule lets through exactly the brokers the apps' bootstrap address names, on its port. */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theKafkaPolicyAdmitsTheBrokersOfTheBootstrapAddress(Overlay overlay) {
        Matcher bootstrap = STRIMZI_BOOTSTRAP.matcher(KafkaClientSettingsTest.bootstrap(overlay));
        assertThat(bootstrap.matches()).as("a Strimzi bootstrap address: " + KafkaClientSettingsTest.bootstrap(overlay))
                .isTrue();
        String cluster = bootstrap.group(1);
        String namespace = bootstrap.group(2) == null ? overlay.namespace : bootstrap.group(2);
        int port = Integer.parseInt(bootstrap.group(3));

        NetworkPolicyEgressRule rule = overlay.named(NetworkPolicy.class, "eventsync-to-kafka").getSpec().getEgress()
                .get(0);
        assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(port));
        assertThat(rule.getTo()).singleElement().satisfies(peer -> {
            assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("strimzi.io/cluster", cluster)
                    .containsEntry("strimzi.io/broker-role", "true");
            if (namespace.equals(overlay.namespace)) {
                assertThat(peer.getNamespaceSelector()).isNull();
            } else {
                assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .containsEntry("kubernetes.io/metadata.name", namespace);
            }
        });
        assertThat(cluster).isEqualTo(KafkaClientSettingsTest.clusterName(overlay));
        // dev: Strimzi writes the brokers' own ingress policy from the listener's peers: the apps.
        for (Kafka kafka : overlay.all(Kafka.class)) {
            var listener = kafka.getSpec().getKafka().getListeners().stream().filter(l -> l.getPort() == port)
                    .findFirst().orElseThrow();
            for (App app : App.values()) {
                assertThat(listener.getNetworkPolicyPeers()).as(app.name).anyMatch(peer ->
                        matches(peer.getPodSelector(), podLabels(overlay.deployment(app))));
            }
        }
    }

    /** A budget or autoscaler that selects nothing protects nothing; a budget at the floor blocks drains. */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void budgetsAndAutoscalersFitTheirDeployments(Overlay overlay) {
        assertThat(overlay.all(PodDisruptionBudget.class)).hasSize(3);
        for (PodDisruptionBudget budget : overlay.all(PodDisruptionBudget.class)) {
            List<Deployment> selected = overlay.all(Deployment.class).stream()
                    .filter(d -> matches(budget.getSpec().getSelector(), podLabels(d))).toList();
            assertThat(selected).as("PDB " + budget.getMetadata().getName()).hasSize(1);
            String name = selected.get(0).getMetadata().getName();
            var hpa = overlay.find(HorizontalPodAutoscaler.class, name);
            if (budget.getSpec().getMinAvailable() != null) {
                assertThat(budget.getSpec().getMaxUnavailable()).isNull();
                assertThat(hpa).as(name + ": minAvailable needs an autoscaler floor above it").isPresent();
                assertThat(budget.getSpec().getMinAvailable().getIntVal())
                        .isLessThan(hpa.get().getSpec().getMinReplicas());
            } else {
                assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
            }
        }
        assertThat(overlay.all(HorizontalPodAutoscaler.class)).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("gateway", "egress-opsramp");
    }

    @Test
    void prodKeepsAMinimumOfGatewayAndEgressUpAndSpreadsThemOverZonesAndNodes() {
        for (App app : List.of(App.GATEWAY, App.EGRESS_OPSRAMP)) {
            assertThat(Overlay.PROD.named(PodDisruptionBudget.class, app.name).getSpec().getMinAvailable()).isNotNull();
            List<TopologySpreadConstraint> spread = Overlay.PROD.deployment(app).getSpec().getTemplate().getSpec()
                    .getTopologySpreadConstraints();
            assertThat(spread).extracting(TopologySpreadConstraint::getTopologyKey)
                    .containsExactlyInAnyOrder("topology.kubernetes.io/zone", "kubernetes.io/hostname");
            assertThat(spread).allSatisfy(constraint -> {
                assertThat(constraint.getMaxSkew()).isEqualTo(1);
                assertThat(matches(constraint.getLabelSelector(), podLabels(Overlay.PROD.deployment(app)))).isTrue();
            });
        }
        assertThat(Overlay.PROD.named(HorizontalPodAutoscaler.class, "gateway").getSpec().getMinReplicas())
                .isGreaterThan(Overlay.DEV.named(HorizontalPodAutoscaler.class, "gateway").getSpec().getMinReplicas());
    }

    // --- reading policies ---------------------------------------------------------------------

    private static List<NetworkPolicy> policiesFor(Overlay overlay, App app) {
        Map<String, String> labels = podLabels(overlay.deployment(app));
        return overlay.all(NetworkPolicy.class).stream()
                .filter(policy -> matches(policy.getSpec().getPodSelector(), labels)).toList();
    }

    /** What an egress rule lets a pod reach, in the words docs/operations.md uses; anything else fails. */
    private static String classify(NetworkPolicy policy, NetworkPolicyEgressRule rule) {
        List<Integer> ports = rule.getPorts().stream().map(NetworkPolicyPort::getPort)
                .map(port -> port.getIntVal()).toList();
        String where = policy.getMetadata().getName() + " " + rule;
        assertThat(rule.getTo()).as("egress anywhere: " + where).isNotEmpty();
        NetworkPolicyPeer peer = rule.getTo().get(0);
        if (ports.equals(List.of(53, 53)) && peer.getPodSelector() != null
                && "kube-dns".equals(peer.getPodSelector().getMatchLabels().get("k8s-app"))) {
            return "dns";
        }
        if (ports.equals(List.of(9093)) && peer.getPodSelector() != null
                && peer.getPodSelector().getMatchLabels().containsKey("strimzi.io/cluster")) {
            return "kafka";
        }
        if (ports.equals(List.of(443)) && peer.getIpBlock() != null) {
            if (peer.getIpBlock().getCidr().equals("0.0.0.0/0")) {
                // Public addresses only: not the cluster's or the node's networks, never the metadata service.
                assertThat(peer.getIpBlock().getExcept()).as(where)
                        .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");
                return "public https";
            }
            if (policy.getMetadata().getName().equals("egress-opsramp-to-omi")) {
                return "omi";
            }
        }
        throw new AssertionError("an egress rule these tests (and docs/operations.md) do not know: " + where);
    }

    private static String describe(NetworkPolicyPeer peer) {
        assertThat(peer.getIpBlock()).isNull();
        assertThat(peer.getPodSelector()).isNull(); // every pod of a namespace or none: the namespace is the unit
        return "namespace " + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
    }

    static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** Kubernetes' label selector semantics (an empty selector selects everything). */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
            String value = labels.get(requirement.getKey());
            boolean holds = switch (requirement.getOperator()) {
                case "In" -> value != null && requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator " + requirement.getOperator());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
