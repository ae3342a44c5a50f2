package io.eventsync.gateway.kafka;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the gateway's topic when it does not exist, for the sandbox and first runs. In
 * production topics are declared (Strimzi {@code KafkaTopic}) and this is switched off or finds
 * the topic already there.
 */
public final class TopicBootstrap {

    private static final Logger log = LoggerFactory.getLogger(TopicBootstrap.class);

    private TopicBootstrap() {
    }

    public static void ensure(Admin admin, String topic, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
            log.info("created topic {} with {} partitions", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("could not create topic {} ({}); publishing will tell whether it exists", topic,
                        e.getCause().toString());
            }
        } catch (TimeoutException e) {
            log.warn("Kafka did not answer within 30s while creating topic {}; continuing", topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
