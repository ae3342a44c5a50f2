package io.eventsync.bench;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.OprRecordSerde;
import io.eventsync.gateway.readmodel.EventChangeApplier;
import io.eventsync.gateway.readmodel.EventReadModel;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the gateway's read model costs in heap per event, for sizing {@code read-model-max-events}:
 * fills one with {@code events} records of the bench's realistic OMi event (description padded by
 * {@code padding} characters), held as the feed holds them (unparsed, or parsed as after a lookup or
 * a change), and prints the heap after GC grown per event. Not a benchmark: no time is measured.
 *
 * <p>{@code java -cp ... io.eventsync.bench.ReadModelFootprint <events> <padding> [parsed]}
 */
public final class ReadModelFootprint {

    private ReadModelFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ReadModelFootprint <events> <padding> [parsed]");
        }
        int events = Integer.parseInt(args[0]);
        String description = "x".repeat(Integer.parseInt(args[1]));
        boolean parsed = args.length > 2 && args[2].equals("parsed");
        OprCodec codec = OprCodec.withDefaults();
        OprRecordSerde serde = new OprRecordSerde(codec);
        Serializer<OprRecord> serializer = serde.serializer();
        Deserializer<OprRecord> deserializer = serde.deserializer();
        EventReadModel model = new EventReadModel(new EventChangeApplier(codec.jsonMapper()), events);
        long before = heapAfterGc();
        long recordBytes = 0;
        for (int n = 0; n < events; n++) {
            String id = UUID.randomUUID().toString();
            String externalId = "omi:" + id;
            OprEvent event = BulkPayloads.realistic(id, n, null, "CPU utilisation above threshold", State.OPEN,
                    description);
            byte[] value = serializer.serialize("opr.events", OprRecord.ofEvent("omi", externalId, Instant.now(), event));
            recordBytes += value.length;
            model.applyEvent("omi", externalId, false, () -> deserializer.deserialize("opr.events", value));
            if (parsed) {
                model.find(externalId);
            }
        }
        long after = heapAfterGc();
        System.out.printf("read model: %,d events, records of %,d bytes on average, %s: %,d bytes of heap per event%n",
                model.size(), recordBytes / events, parsed ? "parsed" : "unparsed", (after - before) / events);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
