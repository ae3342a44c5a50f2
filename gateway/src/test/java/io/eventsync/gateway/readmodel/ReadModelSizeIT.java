package io.eventsync.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.Annotation;
import io.eventsync.contracts.opr.AnnotationList;
import io.eventsync.contracts.opr.CustomAttribute;
import io.eventsync.contracts.opr.CustomAttributeList;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprUser;
import io.eventsync.contracts.opr.Priority;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.topic.ExternalIds;
import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.OprRecordSerde;
import io.eventsync.contracts.topic.RecordHeaderNames;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.RestartableKafkaBroker;
import io.eventsync.testkit.TemporaryFolders;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The read model sized: it fills with events as OMi sends them (a realistic event, about 1.3 KB as a
 * record), the heap after GC of the JVM holding it sampled as it fills, then is closed and opened again
 * on the same folder. The heap must stay flat (the events are on disk), and the restart must read nothing
 * of the topic again. The broker runs in its own JVM, so the heap measured is the store's side alone.
 * 100,000 events by default; {@code -Dread-model.events=2000000} for the full size (docs/reliability.md).
 */
class ReadModelSizeIT {

    private static final int EVENTS = Integer.getInteger("read-model.events", 100_000);
    private static final int SAMPLES = 5;
    /** Room for what a JVM's heap after GC moves by on its own (JIT, class loading, buffers). */
    private static final long HEAP_SLACK = 24L << 20;

    private final OprRecordSerde serde = new OprRecordSerde();

    @Test
    void holdsItsEventsOnDiskWithTheHeapFlatAndARestartReadsNothingAgain() throws Exception {
        String topic = KafkaBroker.uniqueTopic("read-model-size");
        Path dir = TemporaryFolders.fresh("read-model-size-");
        try (RestartableKafkaBroker broker = Brokers.dedicated();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
             KafkaProducer<String, byte[]> producer = producer(broker.bootstrapServers())) {
            broker.createCompactedTopic(topic, 3);
            List<Long> heap = new ArrayList<>();
            long filling;
            try (EventStore store = store(broker.bootstrapServers(), topic, dir, admin)) {
                assertThat(store.awaitCaughtUp(Duration.ofMinutes(1)).block()).isTrue();
                heap.add(heapAfterGc());
                long started = System.nanoTime();
                int perSample = EVENTS / SAMPLES;
                for (int sample = 0; sample < SAMPLES; sample++) {
                    for (int i = sample * perSample; i < (sample + 1) * perSample; i++) {
                        producer.send(record(topic, i));
                    }
                    producer.flush();
                    assertThat(store.awaitCaughtUp(Duration.ofMinutes(10)).block()).as("caught up").isTrue();
                    heap.add(heapAfterGc());
                }
                filling = (System.nanoTime() - started) / 1_000_000;
                assertThat(store.find(ExternalIds.of("omi", "e-" + (EVENTS - 1)))).isPresent();
                assertThat(store.applied()).isEqualTo(EVENTS);
            }
            long onDisk = sizeOf(dir);
            long restarted = System.nanoTime();
            long restartMillis;
            long readAgain;
            try (EventStore again = store(broker.bootstrapServers(), topic, dir, admin)) {
                assertThat(again.awaitCaughtUp(Duration.ofMinutes(10)).block()).isTrue();
                restartMillis = (System.nanoTime() - restarted) / 1_000_000;
                readAgain = again.applied();
                assertThat(again.find(ExternalIds.of("omi", "e-0"))).isPresent();
                assertThat(again.find(ExternalIds.of("omi", "e-" + (EVENTS / 2)))).isPresent();
            }
            System.out.printf("read model size: %d events (%d-byte records) held, filled in %d ms; heap after GC "
                            + "MiB by fifths=%s; store on disk %d MiB (%d bytes per event); restart to caught up %d ms, "
                            + "records read again %d%n", EVENTS, serde.serializer().serialize(topic, value(0)).length,
                    filling, heap.stream().map(bytes -> bytes >> 20).toList(), onDisk >> 20, onDisk / EVENTS,
                    restartMillis, readAgain);

            assertThat(readAgain).as("records of the topic read again after a restart").isZero();
            long first = heap.get(1);
            assertThat(heap.subList(1, heap.size())).as("heap after GC as the store fills (bytes)")
                    .allSatisfy(bytes -> assertThat(bytes).isLessThanOrEqualTo(first + HEAP_SLACK));
        }
    }

    private static EventStore store(String bootstrap, String topic, Path dir, Admin admin) {
        return Stores.started(bootstrap, topic, dir, admin, "read-model-size");
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer());
    }

    private ProducerRecord<String, byte[]> record(String topic, int i) {
        OprRecord value = value(i);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, value.externalId(),
                serde.serializer().serialize(topic, value));
        record.headers().add(RecordHeaderNames.OPR_STATE, "open".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** An event as OMi forwards one: about 1.3 KB as a record. */
    private static OprRecord value(int i) {
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC).plusSeconds(i);
        OprEvent event = new OprEvent("e-" + i, 3L, null, "CPU utilization exceeded 95% on dbhost" + (i % 500),
                "The CPU utilization has been over the threshold for 15 minutes on the database host; the load "
                        + "average is above the number of cores and the run queue keeps growing.",
                Severity.CRITICAL, Priority.HIGH, State.OPEN, "Performance", "CPU", "Oracle Database", "cpu0",
                "ETI", "dbhost" + (i % 500) + ":cpu:load", "dbhost" + (i % 500) + ":cpu:normal<*>", at, at, at, 2L,
                false, false, false, new OprUser("7", "jdoe", "Jane Doe"), null, null, null, null, null, null,
                "https://omi.example.com/opr-web/event/" + i, "<raw>load=97</raw>",
                new CustomAttributeList(List.of(new CustomAttribute("Location", "Berlin DC2"),
                        new CustomAttribute("Customer", "ACME"), new CustomAttribute("Ticket", "INC-" + i))),
                new AnnotationList(List.of(new Annotation("a" + i, "jdoe", at, "Looking into it"))), Map.of());
        return OprRecord.ofEvent("omi", ExternalIds.of("omi", "e-" + i), Instant.EPOCH, event);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long sizeOf(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }
}
