package io.eventsync.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on loopback that a test breaks the way networks break, between an app and the server
 * it talks to: {@link #cut()} resets every connection at once, {@link #delay(Duration)} holds each
 * chunk back for a while in both directions (a slow link, not a slower one: what passes is not
 * throttled), and {@link #hold(boolean)} lets nothing through while connections stay open (a
 * partition, where only the peers' own timeouts notice). Plain threads per connection: the apps
 * under test open a handful.
 */
public final class LoopbackProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoopbackProxy.class);
    private static final int CHUNK = 64 * 1024;
    private static final long HELD_POLL_MILLIS = 20;

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger cuts = new AtomicInteger();
    private final Thread acceptor;
    private volatile long delayNanos;
    private volatile boolean held;
    private volatile boolean closed;

    /**
     * @param port where the proxy listens on 127.0.0.1 (0 for any free port)
     * @param targetPort where it connects for each connection it accepts, on 127.0.0.1
     */
    public LoopbackProxy(int port, int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on 127.0.0.1:" + port, e);
        }
        acceptor = new Thread(this::accept, "loopback-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Closes every open connection with a reset; new connections are accepted as before. */
    public void cut() {
        cuts.incrementAndGet();
        links.forEach(Link::reset);
    }

    /** Each chunk reaches the other side this long after it arrived; zero for none. */
    public void delay(Duration delay) {
        delayNanos = delay.toNanos();
    }

    /** While held, nothing passes either way and new connections wait, open, for the release. */
    public void hold(boolean hold) {
        held = hold;
    }

    /** Connections accepted since start. */
    public int connections() {
        return accepted.get();
    }

    public int cuts() {
        return cuts.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing is all that is asked; a failed close leaves nothing to undo.
        }
        links.forEach(Link::reset);
    }

    @Override
    public String toString() {
        return "loopback proxy 127.0.0.1:" + port() + " -> 127.0.0.1:" + targetPort;
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("{} stopped accepting: {}", this, e.toString());
                }
                return;
            }
            accepted.incrementAndGet();
            daemon("loopback-proxy-" + port() + "-connect", () -> connect(client));
        }
    }

    private void connect(Socket client) {
        awaitRelease();
        Socket server = new Socket();
        try {
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
        } catch (IOException refused) {
            // The server is down: the client sees its connection closed, as it would without the proxy.
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        Link link = new Link(client, server);
        links.add(link);
        if (closed) {
            link.reset();
            return;
        }
        link.start();
    }

    private void awaitRelease() {
        while (held && !closed) {
            sleep(TimeUnit.MILLISECONDS.toNanos(HELD_POLL_MILLIS));
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    /** One proxied connection: each direction a reader into a delay line and a writer out of it. */
    private final class Link {

        private final Socket client;
        private final Socket server;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            pipe(client, server, "up");
            pipe(server, client, "down");
        }

        /** One side closed or failed: so does the other, in order. */
        void close() {
            closeQuietly(client);
            closeQuietly(server);
            links.remove(this);
        }

        /** SO_LINGER 0: the peers see a reset, as when a connection is torn down mid-flight. */
        void reset() {
            for (Socket socket : new Socket[] {client, server}) {
                try {
                    socket.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // Closed already; closing again below is harmless.
                }
                closeQuietly(socket);
            }
            links.remove(this);
        }

        private void pipe(Socket from, Socket to, String direction) {
            LinkedBlockingQueue<Chunk> line = new LinkedBlockingQueue<>();
            String name = "loopback-proxy-" + port() + "-" + direction;
            daemon(name + "-in", () -> {
                byte[] buffer = new byte[CHUNK];
                try (InputStream in = from.getInputStream()) {
                    while (true) {
                        awaitRelease();
                        int read = in.read(buffer);
                        if (read < 0) {
                            break;
                        }
                        line.put(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, read)));
                    }
                } catch (IOException | InterruptedException e) {
                    // Cut, closed or reset by a peer: the link ends below.
                }
                line.add(Chunk.END);
            });
            daemon(name + "-out", () -> {
                try (OutputStream out = to.getOutputStream()) {
                    while (true) {
                        Chunk chunk = line.take();
                        if (chunk == Chunk.END) {
                            break;
                        }
                        long wait = chunk.due() - System.nanoTime();
                        if (wait > 0) {
                            sleep(wait);
                        }
                        awaitRelease();
                        out.write(chunk.bytes());
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // As above.
                }
                close();
            });
        }
    }

    private record Chunk(long due, byte[] bytes) {
        static final Chunk END = new Chunk(0, new byte[0]);
    }
}
