package io.eventsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

import org.junit.jupiter.api.Test;

class InProcessBrokerIT {

    @Test
    void aBrokerOnARandomPortServesClientsUntilClosed() throws Exception {
        String bootstrapServers;
        try (KafkaBroker broker = Brokers.inProcess(0)) {
            bootstrapServers = broker.bootstrapServers();
            assertRoundTrip(broker, bootstrapServers);
        }

        assertThatThrownBy(() -> connect(bootstrapServers)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aBrokerOnAFixedPortIsReachableAsLocalhost() throws Exception {
        int port = freePort();
        try (KafkaBroker broker = Brokers.inProcess(port)) {
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertRoundTrip(broker, "localhost:" + port);
        }
    }

    private static void assertRoundTrip(KafkaBroker broker, String bootstrapServers) throws Exception {
        String topic = KafkaBroker.uniqueTopic("in-process");
        broker.createTopic(topic, 1);
        List<String> acknowledged = Records.produceAcknowledged(bootstrapServers, topic, 10);
        assertThat(Records.consumeFromBeginning(bootstrapServers, topic, 10)).containsExactlyElementsOf(acknowledged);
    }

    private static void connect(String hostAndPort) throws IOException {
        int colon = hostAndPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostAndPort.substring(0, colon),
                    Integer.parseInt(hostAndPort.substring(colon + 1))), 1_000);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
