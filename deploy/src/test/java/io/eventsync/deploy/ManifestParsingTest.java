package io.eventsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both overlays render with plain {@code kubectl kustomize}, and everything in k8s/ is a
 * well-formed object of a kind we know: a typo in a field name fails here, not silently at apply
 * time (where the API server would drop or warn about it).
 */
class ManifestParsingTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyRenderedDocumentParsesStrictlyIntoItsModel(Overlay overlay) {
        List<HasMetadata> resources = overlay.resources(); // parsing is the test: it throws naming the field

        assertThat(resources).extracting(HasMetadata::getKind)
                .contains("Namespace", "Deployment", "Service", "ServiceAccount", "ConfigMap",
                        "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "KafkaTopic", "KafkaUser");
        assertThat(overlay.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("gateway", "ingest-ofsc", "egress-opsramp");
        // Everything lands in the overlay's namespace (the Namespace object itself is cluster-scoped).
        assertThat(resources).filteredOn(r -> !r.getKind().equals("Namespace"))
                .allSatisfy(r -> assertThat(r.getMetadata().getNamespace()).as(r.getKind() + " " + r.getMetadata()
                        .getName()).isEqualTo(overlay.namespace));
    }

    @Test
    void everyResourceAndPatchFileUnderK8sParsesStrictly() {
        KustomizationTree tree = KustomizationTree.of(Repository.k8s());
        assertThat(tree.resourceFiles).isNotEmpty();

        List<String> parsed = new ArrayList<>();
        for (Path file : tree.resourceFiles) {
            for (HasMetadata resource : Manifests.parseAll(Repository.read(file), relative(file))) {
                parsed.add(relative(file) + ": " + resource.getKind() + " " + resource.getMetadata().getName());
            }
        }
        assertThat(parsed).anyMatch(line -> line.contains("components/strimzi-topics-users/topics.yaml: KafkaTopic"))
                .anyMatch(line -> line.contains("overlays/prod/deployments.yaml: Deployment gateway"));
    }

    /** So that no manifest sits in k8s/ unparsed because no kustomization names it. */
    @Test
    void everyYamlFileUnderK8sIsAKustomizationAResourceOrAGeneratorInput() {
        KustomizationTree tree = KustomizationTree.of(Repository.k8s());
        Set<Path> unaccounted = new TreeSet<>(KustomizationTree.yamlFiles(Repository.k8s()));
        unaccounted.removeAll(tree.kustomizations);
        unaccounted.removeAll(tree.resourceFiles);
        unaccounted.removeAll(tree.generatorInputs);

        assertThat(unaccounted).as("YAML files under k8s/ that no kustomization refers to").isEmpty();
    }

    @Test
    void aMisspelledFieldFailsTheParseNamingIt() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: gateway}
                spec:
                  template:
                    spec:
                      containers:
                        - name: gateway
                          readinesProbe: {httpGet: {path: /actuator/health/readiness, port: http}}
                """;
        assertThatThrownBy(() -> Manifests.parseAll(deployment, "a test document"))
                .hasMessageContaining("Unrecognized field \"readinesProbe\"");

        String topic = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: opr.events}
                spec: {partitons: 3}
                """;
        assertThatThrownBy(() -> Manifests.parseAll(topic, "a test document"))
                .hasMessageContaining("Unrecognized field \"partitons\"");
    }

    @Test
    void aDocumentOfAKindWithoutAModelFails() {
        String unknown = """
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                """;
        assertThatThrownBy(() -> Manifests.parseAll(unknown, "a test document"))
                .hasMessageContaining("unknown kind example.com/v1/Widget");
        // A known kind at an apiVersion we do not use is unknown too (v1beta2 is deprecated in Strimzi 0.49).
        String oldTopic = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                """;
        assertThatThrownBy(() -> Manifests.parseAll(oldTopic, "a test document"))
                .hasMessageContaining("unknown kind kafka.strimzi.io/v1beta2/KafkaTopic");
    }

    /**
     * Credentials are created in the cluster by operators (and Strimzi's User Operator), never kept
     * here: no Secret object, no secretGenerator. docs/operations.md names each Secret and its keys.
     */
    @Test
    void noSecretIsKeptInGit() {
        for (Overlay overlay : Overlay.values()) {
            assertThat(overlay.all(Secret.class)).as(overlay + " renders Secrets").isEmpty();
        }
        KustomizationTree tree = KustomizationTree.of(Repository.k8s());
        assertThat(tree.secretGenerators).isEmpty();
        for (Path file : tree.resourceFiles) {
            assertThat(Manifests.parseAll(Repository.read(file), relative(file)))
                    .as(relative(file)).noneMatch(Secret.class::isInstance);
        }
    }

    @Test
    void bothOverlaysDeclareTopicsAndUsers() {
        for (Overlay overlay : Overlay.values()) {
            assertThat(overlay.all(KafkaTopic.class)).as(overlay.toString()).hasSize(8);
            assertThat(overlay.all(KafkaUser.class)).as(overlay.toString()).hasSize(3);
        }
    }

    private static String relative(Path file) {
        return Repository.root().relativize(file).toString();
    }
}
