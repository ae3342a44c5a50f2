package io.eventsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Bindable;

/**
 * How each app reaches Kafka in each overlay, proven with the app's own code: the pod's variables
 * are bound by Spring Boot into the app's {@code KafkaClientProperties}, and the app's
 * {@code KafkaClientConfigs} builds its admin, producer and consumer settings from them. The
 * SASL/JAAS line Strimzi's User Operator writes into the KafkaUser's Secret (key
 * {@code sasl.jaas.config}) arrives as {@code EVENTSYNC_KAFKA_PROPERTIES_SASL_JAAS_CONFIG}, which
 * relaxed binding turns into the map entry {@code eventsync.kafka.properties[sasl.jaas.config]}.
 */
class KafkaClientSettingsTest {

    static Stream<Arguments> everyAppInEveryOverlay() {
        return DeploymentConfigurationTest.everyAppInEveryOverlay();
    }

    @ParameterizedTest
    @MethodSource("everyAppInEveryOverlay")
    void theSaslConfigStrimziWritesReachesEveryKafkaClientOfTheApp(Overlay overlay, App app) {
        PodConfiguration pod = PodConfiguration.of(overlay, app);
        String jaas = PodConfiguration.standInSecret(app.kafkaUser, "sasl.jaas.config");

        Map<String, Map<String, Object>> clients = app.kafkaClients(pod.binder());

        assertThat(clients).containsOnlyKeys("admin", "producer", "consumer");
        clients.forEach((client, config) -> assertThat(config).as("%s's %s in %s", app, client, overlay)
                .containsEntry("sasl.jaas.config", jaas)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/etc/eventsync/kafka-ca/ca.crt")
                .containsEntry("bootstrap.servers", bootstrap(overlay)));
    }

    /** Each app authenticates as its own user, whose mechanism is the one the clients use. */
    @ParameterizedTest
    @MethodSource("everyAppInEveryOverlay")
    void everyAppTakesItsCredentialsFromItsOwnKafkaUsersSecret(Overlay overlay, App app) {
        PodConfiguration pod = PodConfiguration.of(overlay, app);
        KafkaUser user = overlay.named(KafkaUser.class, app.kafkaUser);

        assertThat(pod.sources.get("EVENTSYNC_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                .isEqualTo(new PodConfiguration.Source("Secret", app.kafkaUser, "sasl.jaas.config"));
        assertThat(user.getSpec().getAuthentication().getType()).isEqualTo("scram-sha-512");
        assertThat(pod.environment.get("EVENTSYNC_KAFKA_PROPERTIES_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
    }

    /** The truststore the clients are told to use is a file the pod has: the cluster CA's ca.crt. */
    @ParameterizedTest
    @MethodSource("everyAppInEveryOverlay")
    void theTruststoreIsTheMountedClusterCaCertificate(Overlay overlay, App app) {
        PodConfiguration pod = PodConfiguration.of(overlay, app);
        Path truststore = Path.of(pod.environment.get("EVENTSYNC_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION"));

        VolumeMount mount = pod.container.getVolumeMounts().stream()
                .filter(m -> Path.of(m.getMountPath()).equals(truststore.getParent())).findFirst()
                .orElseThrow(() -> new AssertionError(app + " mounts nothing at " + truststore.getParent()));
        Volume volume = pod.deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        // Strimzi's name for a cluster's CA certificate Secret: <cluster>-cluster-ca-cert, key ca.crt.
        assertThat(volume.getSecret().getSecretName()).isEqualTo(clusterName(overlay) + "-cluster-ca-cert");
        assertThat(volume.getSecret().getItems()).anySatisfy(item -> {
            assertThat(item.getKey()).isEqualTo("ca.crt");
            assertThat(item.getPath()).isEqualTo(truststore.getFileName().toString());
        });
    }

    /** Every eventsync.kafka.properties key is a setting Kafka's clients know: a typo there is ignored by Kafka. */
    @ParameterizedTest
    @MethodSource("everyAppInEveryOverlay")
    void everyExtraClientPropertyIsAKafkaClientSetting(Overlay overlay, App app) {
        Set<String> known = new HashSet<>(ProducerConfig.configNames());
        known.addAll(ConsumerConfig.configNames());
        known.addAll(AdminClientConfig.configNames());
        Map<String, String> extra = PodConfiguration.of(overlay, app).binder()
                .bind("eventsync.kafka.properties", Bindable.mapOf(String.class, String.class)).get();

        assertThat(extra.keySet()).containsExactlyInAnyOrder("sasl.jaas.config", "security.protocol",
                "sasl.mechanism", "ssl.truststore.type", "ssl.truststore.location");
        assertThat(known).containsAll(extra.keySet());
    }

    /**
     * dev: Strimzi's bootstrap Service of its own cluster on the SCRAM listener's port; prod: what
     * the operator sets in k8s/overlays/prod/kafka.env.
     */
    static String bootstrap(Overlay overlay) {
        if (overlay == Overlay.DEV) {
            Kafka kafka = overlay.all(Kafka.class).get(0);
            GenericKafkaListener scram = kafka.getSpec().getKafka().getListeners().stream()
                    .filter(l -> l.getAuth() != null && l.getAuth().getType().equals("scram-sha-512")).findFirst()
                    .orElseThrow(() -> new AssertionError("the dev Kafka has no SCRAM-SHA-512 listener"));
            return kafka.getMetadata().getName() + "-kafka-bootstrap:" + scram.getPort();
        }
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(Repository.overlay("prod").resolve("kafka.env"))) {
            env.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env.getProperty("KAFKA_BOOTSTRAP_SERVERS");
    }

    /** The Strimzi cluster the overlay's KafkaTopics and KafkaUsers belong to. */
    static String clusterName(Overlay overlay) {
        Set<String> clusters = new HashSet<>();
        overlay.all(KafkaTopic.class)
                .forEach(t -> clusters.add(t.getMetadata().getLabels().get("strimzi.io/cluster")));
        overlay.all(KafkaUser.class).forEach(u -> clusters.add(u.getMetadata().getLabels().get("strimzi.io/cluster")));
        assertThat(clusters).as(overlay + ": strimzi.io/cluster of topics and users").hasSize(1).doesNotContainNull();
        return clusters.iterator().next();
    }
}
