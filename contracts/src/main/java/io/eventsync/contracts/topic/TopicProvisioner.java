package io.eventsync.contracts.topic;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates an eventsync topic when it does not exist, for the sandbox and first runs. In production
 * topics are declared (Strimzi {@code KafkaTopic}) and this is switched off or finds them there.
 * Never fails the caller: producing or consuming will tell whether the topic exists.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    public static void ensure(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            log.info("created topic {} ({} partitions{})", topic.name(), topic.numPartitions(),
                    topic.configs() == null || topic.configs().isEmpty() ? "" : ", " + topic.configs());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("could not create topic {} ({}); clients will tell whether it exists", topic.name(),
                        e.getCause().toString());
            }
        } catch (TimeoutException e) {
            log.warn("Kafka did not answer within 30s while creating topic {}; continuing", topic.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
