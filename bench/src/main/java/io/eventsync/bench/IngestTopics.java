package io.eventsync.bench;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One run's own topics and transactional ids, so that runs never read or fence each other. The events
 * topic is made here with the bench's partition count (ingest then finds it); ingest makes its checkpoints.
 */
record IngestTopics(String bootstrapServers, String events, String checkpoints, String transactionalIdPrefix,
        int partitions) {

    static IngestTopics create(String bootstrapServers, String run, int partitions) {
        String unique = run + "-" + UUID.randomUUID().toString().substring(0, 8);
        IngestTopics topics = new IngestTopics(bootstrapServers, "bench.ingest." + unique + ".events",
                "bench.ingest." + unique + ".checkpoints", "bench-ingest-" + unique, partitions);
        try (Admin admin = admin(bootstrapServers)) {
            admin.createTopics(List.of(new NewTopic(topics.events(), partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create " + topics.events(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating " + topics.events(), e);
        }
        return topics;
    }

    /** A full run writes hundreds of MB per run; the broker's disk need not keep them. */
    void delete() {
        try (Admin admin = admin(bootstrapServers)) {
            admin.deleteTopics(List.of(events, checkpoints)).all().get();
        } catch (ExecutionException e) {
            // Not worth failing a finished measurement for: the run's numbers are already taken.
            System.err.println("[bench] could not delete " + events + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
