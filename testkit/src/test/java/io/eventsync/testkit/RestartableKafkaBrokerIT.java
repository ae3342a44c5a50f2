package io.eventsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestartableKafkaBrokerIT {

    private static final int RECORDS = 200;

    private RestartableKafkaBroker broker;

    @BeforeEach
    void startBroker() {
        broker = Brokers.dedicated();
    }

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    @Test
    void acknowledgedRecordsSurviveAGracefulStop() throws Exception {
        assertAcknowledgedRecordsSurvive(broker::stop);
    }

    @Test
    void acknowledgedRecordsSurviveSigkill() throws Exception {
        assertAcknowledgedRecordsSurvive(broker::kill);
    }

    @Test
    void aBrokerThatCannotStartFailsWithItsLog() throws Exception {
        broker.stop();
        int port = Integer.parseInt(broker.bootstrapServers().substring(broker.bootstrapServers().lastIndexOf(':') + 1));

        try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(squatter.getLocalPort()).isEqualTo(port);
            assertThatThrownBy(broker::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exited during startup")
                    .hasMessageContaining("Address already in use");
        }
        assertThat(broker.isRunning()).isFalse();
    }

    private void assertAcknowledgedRecordsSurvive(Runnable outage) throws Exception {
        String topic = KafkaBroker.uniqueTopic("restart");
        broker.createTopic(topic, 3);
        String bootstrapServers = broker.bootstrapServers();
        List<String> acknowledged = Records.produceAcknowledged(bootstrapServers, topic, RECORDS);

        outage.run();

        assertThat(broker.isRunning()).isFalse();
        assertSendTimesOut(topic);

        broker.start();

        assertThat(broker.bootstrapServers()).isEqualTo(bootstrapServers);
        assertThat(Records.consumeFromBeginning(bootstrapServers, topic, RECORDS))
                .containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    private void assertSendTimesOut(String topic) {
        Map<String, Object> config = new HashMap<>(Records.producerConfig(broker.bootstrapServers()));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000);
        long startedAt = System.nanoTime();
        KafkaProducer<String, String> producer = new KafkaProducer<>(config);
        try {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "key", "while-down")).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        } finally {
            producer.close(Duration.ZERO);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(15));
    }
}
