package io.eventsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The proxy against a real echo server on loopback: it passes bytes, and breaks links as it says. */
class LoopbackProxyTest {

    private final ServerSocket echo = echoServer();
    private final LoopbackProxy proxy = new LoopbackProxy(0, echo.getLocalPort());

    @AfterEach
    void close() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void passesBytesBothWays() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "hello")).isEqualTo("hello");
            assertThat(roundTrip(client, "again")).isEqualTo("again");
        }
        assertThat(proxy.connections()).isEqualTo(1);
    }

    @Test
    void aCutResetsOpenConnectionsAndNewOnesPass() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "before")).isEqualTo("before");
            proxy.cut();
            assertThatThrownBy(() -> {
                // The first write after a reset may still be buffered; reading is where it shows.
                for (int i = 0; i < 3; i++) {
                    roundTrip(client, "after");
                }
            }).isInstanceOf(IOException.class);
        }
        try (Socket next = connect()) {
            assertThat(roundTrip(next, "next")).isEqualTo("next");
        }
        assertThat(proxy.cuts()).isEqualTo(1);
    }

    @Test
    void aDelayHoldsEachChunkBackAtLeastThatLongEachWay() throws IOException {
        proxy.delay(Duration.ofMillis(200));
        try (Socket client = connect()) {
            long start = System.nanoTime();
            assertThat(roundTrip(client, "slow")).isEqualTo("slow");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void whileHeldNothingPassesAndOnReleaseEverythingDoesInOrder() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "open")).isEqualTo("open");
            proxy.hold(true);
            client.getOutputStream().write("held".getBytes(StandardCharsets.US_ASCII));
            client.setSoTimeout(300);
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            proxy.hold(false);
            client.setSoTimeout(10_000);
            assertThat(new String(client.getInputStream().readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("held");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String roundTrip(Socket client, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        client.getOutputStream().write(bytes);
        client.getOutputStream().flush();
        byte[] answer = client.getInputStream().readNBytes(bytes.length);
        if (answer.length < bytes.length) {
            throw new IOException("closed after " + answer.length + " bytes");
        }
        return new String(answer, StandardCharsets.US_ASCII);
    }

    private static ServerSocket echoServer() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket connection = server.accept();
                        Thread echo = new Thread(() -> echo(connection), "echo");
                        echo.setDaemon(true);
                        echo.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "echo-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void echo(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // The client or the proxy went away.
        }
    }
}
