package io.eventsync.testkit;

/**
 * A dedicated broker and the proxy in front of one of its listeners (see
 * {@link Brokers#dedicatedBehindProxy()}). Closing it closes both.
 */
public final class BrokerBehindProxy implements AutoCloseable {

    private final RestartableKafkaBroker broker;
    private final LoopbackProxy proxy;

    BrokerBehindProxy(RestartableKafkaBroker broker, LoopbackProxy proxy) {
        this.broker = broker;
        this.proxy = proxy;
    }

    /** The broker itself; its {@code bootstrapServers()} bypass the proxy, for the test's own clients. */
    public RestartableKafkaBroker broker() {
        return broker;
    }

    public LoopbackProxy proxy() {
        return proxy;
    }

    /** For the app under test: every connection it opens to Kafka goes through the proxy. */
    public String proxiedBootstrapServers() {
        return "127.0.0.1:" + proxy.port();
    }

    @Override
    public void close() {
        try {
            proxy.close();
        } finally {
            broker.close();
        }
    }

    @Override
    public String toString() {
        return broker + " behind " + proxy;
    }
}
