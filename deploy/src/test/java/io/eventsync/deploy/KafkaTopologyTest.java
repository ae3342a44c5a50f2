package io.eventsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.egress.config.BackSyncHookProperties;
import io.eventsync.egress.config.DeliveryProperties;
import io.eventsync.egress.config.EgressProperties;
import io.eventsync.egress.config.SyncBackClientProperties;
import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.ingest.config.IngestProperties;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Kafka side against what the apps do, as their configuration in each pod says: every topic
 * they use is declared (and nothing else), each KafkaUser may do exactly what its app does, and
 * egress never scales past the partitions it can share out.
 */
class KafkaTopologyTest {

    /** docs/topics.md; the test below derives the same list from the apps' configuration. */
    private static final Set<String> EVENTSYNC_TOPICS = Set.of("opr.events", "opr.event-state", "ofsc.events",
            "ofsc.checkpoints", "egress.routes", "egress.dlq", "egress.replay", "opr.sync-back");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyTopicTheAppsUseIsDeclaredAndNoOther(Overlay overlay) {
        Set<String> used = new TreeSet<>();
        GatewayProperties gateway = PodConfiguration.of(overlay, App.GATEWAY).bind(GatewayProperties.class);
        used.add(gateway.topic());
        used.add(gateway.stateTopicName());
        used.add(gateway.syncBack().topic());
        IngestProperties ingest = PodConfiguration.of(overlay, App.INGEST_OFSC).bind(IngestProperties.class);
        used.add(ingest.topic());
        used.add(ingest.checkpointTopic());
        used.addAll(egressTopics(overlay).keySet());

        assertThat(topics(overlay).keySet()).isEqualTo(used).isEqualTo(EVENTSYNC_TOPICS);
    }

    /**
     * Compacted, one partition: the latest value per key, in one total order (docs/topics.md). The
     * gateway's state topic is compacted too (the latest state per event, however old), on as many
     * partitions as the events' topic; everything else is kept by time.
     */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void checkpointsRoutesAndEventStatesAreCompactedEverythingElseIsKeptByTime(Overlay overlay) {
        IngestProperties ingest = PodConfiguration.of(overlay, App.INGEST_OFSC).bind(IngestProperties.class);
        EgressProperties egress = PodConfiguration.of(overlay, App.EGRESS_OPSRAMP).bind(EgressProperties.class);
        GatewayProperties gateway = PodConfiguration.of(overlay, App.GATEWAY).bind(GatewayProperties.class);
        Set<String> compacted = Set.of(ingest.checkpointTopic(), egress.routeTopic());
        Map<String, KafkaTopic> topics = topics(overlay);

        topics.forEach((name, topic) -> {
            Map<String, Object> config = topic.getSpec().getConfig();
            if (compacted.contains(name)) {
                assertThat(config).as(name).containsEntry("cleanup.policy", "compact");
                assertThat(topic.getSpec().getPartitions()).as(name).isEqualTo(1);
            } else if (name.equals(gateway.stateTopicName())) {
                assertThat(config).as(name).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
                assertThat(topic.getSpec().getPartitions()).as(name)
                        .isEqualTo(topics.get(gateway.topic()).getSpec().getPartitions());
            } else {
                assertThat(config).as(name).containsEntry("cleanup.policy", "delete").containsKey("retention.ms");
            }
        });
    }

    /** dev keeps the partition counts the apps would create (docs/topics.md); prod never has fewer. */
    @Test
    void devTopicsHaveTheAppsDefaultPartitionsAndProdNoFewer() {
        GatewayProperties gateway = PodConfiguration.of(Overlay.DEV, App.GATEWAY).bind(GatewayProperties.class);
        IngestProperties ingest = PodConfiguration.of(Overlay.DEV, App.INGEST_OFSC).bind(IngestProperties.class);
        Map<String, KafkaTopic> dev = topics(Overlay.DEV);
        Map<String, KafkaTopic> prod = topics(Overlay.PROD);

        assertThat(dev.get(gateway.topic()).getSpec().getPartitions()).isEqualTo(gateway.topicPartitions());
        assertThat(dev.get(gateway.syncBack().topic()).getSpec().getPartitions()).isEqualTo(gateway.topicPartitions());
        assertThat(dev.get(ingest.topic()).getSpec().getPartitions()).isEqualTo(ingest.topicPartitions());
        // egress creates its dead-letter and replay topics with three (EgressConfiguration).
        assertThat(dev.get("egress.dlq").getSpec().getPartitions()).isEqualTo(3);
        assertThat(dev.get("egress.replay").getSpec().getPartitions()).isEqualTo(3);
        dev.forEach((name, topic) -> assertThat(prod.get(name).getSpec().getPartitions()).as(name)
                .isGreaterThanOrEqualTo(topic.getSpec().getPartitions()));
    }

    /**
     * An acks=all write is only as safe as min.insync.replicas: prod keeps 3 copies and refuses a
     * write with fewer than 2; dev has one broker, so one of each.
     */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void topicsAreReplicatedAsTheClusterAllows(Overlay overlay) {
        int replicas = overlay == Overlay.DEV ? 1 : 3;
        int minInSync = overlay == Overlay.DEV ? 1 : 2;

        topics(overlay).forEach((name, topic) -> {
            assertThat(topic.getSpec().getReplicas()).as(name).isEqualTo(replicas);
            assertThat(topic.getSpec().getConfig()).as(name).containsEntry("min.insync.replicas", minInSync);
        });
        if (overlay == Overlay.DEV) {
            int brokers = overlay.all(KafkaNodePool.class).stream()
                    .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                    .mapToInt(pool -> pool.getSpec().getReplicas()).sum();
            assertThat(brokers).isEqualTo(replicas);
        }
    }

    /**
     * A consumer group shares a topic's partitions among its members: an egress replica beyond the
     * partition count of a topic it reads gets none of that topic. So maxReplicas is bounded by
     * the smallest topic egress reads in a group (every route's, the sync-back client's, the hook's).
     */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void egressNeverScalesBeyondThePartitionsOfTheTopicsItReadsInGroups(Overlay overlay) {
        Map<String, KafkaTopic> topics = topics(overlay);
        Set<String> readInGroups = egressGroupTopics(overlay);
        int fewest = readInGroups.stream().mapToInt(name -> topics.get(name).getSpec().getPartitions()).min()
                .orElseThrow();

        HorizontalPodAutoscaler hpa = overlay.named(HorizontalPodAutoscaler.class, App.EGRESS_OPSRAMP.name);
        assertThat(readInGroups).contains("opr.events", "ofsc.events", "egress.replay", "opr.sync-back");
        assertThat(hpa.getSpec().getMaxReplicas()).as("egress maxReplicas vs partitions of %s", readInGroups)
                .isLessThanOrEqualTo(fewest);
        assertThat(hpa.getSpec().getMinReplicas()).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachKafkaUserMayDoExactlyWhatItsAppDoes(Overlay overlay) {
        Map<App, Set<String>> required = Map.of(
                App.GATEWAY, gatewayNeeds(overlay),
                App.INGEST_OFSC, ingestNeeds(overlay),
                App.EGRESS_OPSRAMP, egressNeeds(overlay));

        for (App app : App.values()) {
            assertThat(granted(overlay.named(KafkaUser.class, app.kafkaUser)))
                    .as("ACLs of %s in %s", app.kafkaUser, overlay)
                    .containsExactlyInAnyOrderElementsOf(required.get(app));
        }
    }

    /** The prefix ACLs must cover every name the apps actually use, and be no wider than their prefix. */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void prefixGrantsCoverEveryTransactionalIdAndGroupTheAppsUse(Overlay overlay) {
        IngestProperties ingest = PodConfiguration.of(overlay, App.INGEST_OFSC).bind(IngestProperties.class);
        String transactionalIds = prefixGrant(overlay.named(KafkaUser.class, App.INGEST_OFSC.kafkaUser), "transactionalId");
        assertThat(ingest.subscriptions()).isNotEmpty().allSatisfy(subscription ->
                // SubscriptionPoller: <transactional-id-prefix>-<subscription name>
                assertThat(ingest.transactionalIdPrefix() + "-" + subscription.name()).startsWith(transactionalIds));

        PodConfiguration egress = PodConfiguration.of(overlay, App.EGRESS_OPSRAMP);
        String groups = prefixGrant(overlay.named(KafkaUser.class, App.EGRESS_OPSRAMP.kafkaUser), "group");
        assertThat(egress.bind(DeliveryProperties.class).group("INTG-EVENT-any-route")).startsWith(groups);
        assertThat(egress.bind(SyncBackClientProperties.class).group()).startsWith(groups);
        assertThat(egress.bind(BackSyncHookProperties.class).group()).startsWith(groups);
    }

    @Test
    void devRunsOneKraftNodeWithScramOverTlsAndAclAuthorization() {
        Kafka kafka = Overlay.DEV.all(Kafka.class).get(0);
        GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().get(0);
        KafkaNodePool pool = Overlay.DEV.all(KafkaNodePool.class).get(0);

        assertThat(kafka.getSpec().getKafka().getListeners()).hasSize(1);
        assertThat(listener.isTls()).isTrue();
        assertThat(listener.getAuth().getType()).isEqualTo("scram-sha-512");
        assertThat(kafka.getSpec().getKafka().getAuthorization()).isInstanceOf(KafkaAuthorizationSimple.class);
        assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
        // Ingest's transactions need the transaction state log, whose defaults want three brokers.
        assertThat(kafka.getSpec().getKafka().getConfig())
                .containsEntry("transaction.state.log.replication.factor", 1)
                .containsEntry("transaction.state.log.min.isr", 1)
                .containsEntry("offsets.topic.replication.factor", 1)
                .containsEntry("auto.create.topics.enable", false);
        assertThat(KafkaClientSettingsTest.clusterName(Overlay.DEV)).isEqualTo(kafka.getMetadata().getName());
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).isNotNull();
        assertThat(kafka.getSpec().getEntityOperator().getUserOperator()).isNotNull();
    }

    /** prod talks to an existing cluster: it brings topics and users for it, never a cluster. */
    @Test
    void prodDeclaresNoClusterOfItsOwn() {
        assertThat(Overlay.PROD.all(Kafka.class)).isEmpty();
        assertThat(Overlay.PROD.all(KafkaNodePool.class)).isEmpty();
        assertThat(KafkaClientSettingsTest.clusterName(Overlay.PROD)).isNotBlank();
    }

    // --- what each app does with Kafka, from its code and its configuration in the pod -----------

    private static Set<String> gatewayNeeds(Overlay overlay) {
        GatewayProperties gateway = PodConfiguration.of(overlay, App.GATEWAY).bind(GatewayProperties.class);
        Set<String> needs = new LinkedHashSet<>();
        // ReactorKafkaPublisher produces events and their states; EventStore's global store reads every
        // partition of the state topic (no group); the admin client lists its end offsets.
        needs.addAll(grants("topic", "literal", gateway.topic(), "describe", "write"));
        needs.addAll(grants("topic", "literal", gateway.stateTopicName(), "describe", "read", "write"));
        // SyncBackPublication produces only.
        needs.addAll(grants("topic", "literal", gateway.syncBack().topic(), "describe", "write"));
        return needs;
    }

    private static Set<String> ingestNeeds(Overlay overlay) {
        IngestProperties ingest = PodConfiguration.of(overlay, App.INGEST_OFSC).bind(IngestProperties.class);
        Set<String> needs = new LinkedHashSet<>();
        // ReactorKafkaPageWriter: events and checkpoint in one transaction; CheckpointReader reads
        // the checkpoints back without a group (so: no group ACL, no sendOffsetsToTransaction).
        needs.addAll(grants("topic", "literal", ingest.topic(), "describe", "write"));
        needs.addAll(grants("topic", "literal", ingest.checkpointTopic(), "describe", "read", "write"));
        needs.addAll(grants("transactionalId", "prefix", ingest.transactionalIdPrefix() + "-", "describe", "write"));
        return needs;
    }

    private static Set<String> egressNeeds(Overlay overlay) {
        Set<String> needs = new LinkedHashSet<>();
        egressTopics(overlay).forEach((topic, operations) ->
                needs.addAll(grants("topic", "literal", topic, operations.toArray(String[]::new))));
        DeliveryProperties delivery = PodConfiguration.of(overlay, App.EGRESS_OPSRAMP).bind(DeliveryProperties.class);
        // Route groups eventsync-egress.<route id>: consumers join (read), GroupPositions moves a new
        // route's group to the topics' ends (read), ConsumerLag reads committed offsets (describe).
        needs.addAll(grants("group", "prefix", delivery.groupPrefix(), "describe", "read"));
        return needs;
    }

    /** Every topic egress touches, with what it does there. */
    private static Map<String, Set<String>> egressTopics(Overlay overlay) {
        PodConfiguration pod = PodConfiguration.of(overlay, App.EGRESS_OPSRAMP);
        EgressProperties egress = pod.bind(EgressProperties.class);
        DeliveryProperties delivery = pod.bind(DeliveryProperties.class);
        Map<String, Set<String>> topics = new TreeMap<>();
        egressGroupTopics(overlay).forEach(topic -> add(topics, topic, "describe", "read"));
        // The replay command (same jar, same user) writes replayed letters; every route reads them.
        add(topics, delivery.replayTopic(), "write");
        // KafkaDeadLetters writes; the replay command reads (no group).
        add(topics, delivery.deadLetterTopic(), "describe", "read", "write");
        // RouteTopic writes routes; RouteTable on every replica follows the topic (no group).
        add(topics, egress.routeTopic(), "describe", "read", "write");
        return topics;
    }

    /** The topics egress reads in consumer groups: the ones that share out partitions among replicas. */
    private static Set<String> egressGroupTopics(Overlay overlay) {
        PodConfiguration pod = PodConfiguration.of(overlay, App.EGRESS_OPSRAMP);
        SyncBackClientProperties syncBack = pod.bind(SyncBackClientProperties.class);
        Set<String> topics = new TreeSet<>(pod.bind(DeliveryProperties.class).sources()); // every route's group
        topics.add(syncBack.topic()); // the sync-back client's group
        topics.add(syncBack.eventsTopic()); // the back-sync hook's group reads both (SyncBackConfiguration)
        return topics;
    }

    private static void add(Map<String, Set<String>> topics, String topic, String... operations) {
        topics.computeIfAbsent(topic, t -> new TreeSet<>()).addAll(List.of(operations));
    }

    private static Set<String> grants(String type, String pattern, String name, String... operations) {
        return Arrays.stream(operations).map(op -> type + ":" + pattern + ":" + name + ":" + op)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** A user's ACLs as type:pattern:name:operation; only allow rules from any host exist. */
    private static Set<String> granted(KafkaUser user) {
        var authorization = (KafkaUserAuthorizationSimple) user.getSpec().getAuthorization();
        Set<String> granted = new LinkedHashSet<>();
        for (AclRule rule : authorization.getAcls()) {
            assertThat(rule.getType()).isIn(null, AclRuleType.ALLOW);
            assertThat(rule.getHost()).isIn(null, "*");
            assertThat(rule.getOperation()).as("deprecated single operation").isNull();
            String resource;
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                resource = "topic:" + topic.getPatternType().toValue() + ":" + topic.getName();
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                resource = "group:" + group.getPatternType().toValue() + ":" + group.getName();
            } else if (rule.getResource() instanceof AclRuleTransactionalIdResource id) {
                resource = "transactionalId:" + id.getPatternType().toValue() + ":" + id.getName();
            } else {
                throw new AssertionError(user.getMetadata().getName() + " grants on " + rule.getResource().getType()
                        + ", which no eventsync app needs");
            }
            rule.getOperations().forEach(op -> granted.add(resource + ":" + op.toValue().toLowerCase()));
        }
        return granted;
    }

    private static String prefixGrant(KafkaUser user, String type) {
        return granted(user).stream().filter(grant -> grant.startsWith(type + ":prefix:"))
                .map(grant -> grant.split(":")[2]).findFirst()
                .orElseThrow(() -> new AssertionError(user.getMetadata().getName() + " has no " + type + " prefix ACL"));
    }

    private static Map<String, KafkaTopic> topics(Overlay overlay) {
        Map<String, KafkaTopic> topics = new TreeMap<>();
        overlay.all(KafkaTopic.class).forEach(topic -> topics.put(topic.getSpec().getTopicName() != null
                ? topic.getSpec().getTopicName() : topic.getMetadata().getName(), topic));
        return topics;
    }
}
