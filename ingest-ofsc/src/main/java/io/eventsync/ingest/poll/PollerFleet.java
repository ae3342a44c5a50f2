package io.eventsync.ingest.poll;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/**
 * Starts every subscription's poller with the application and stops them with it. A poller that
 * stops for good does not stop the others; health says which.
 */
public final class PollerFleet implements SmartLifecycle {

    private final List<SubscriptionPoller> pollers;
    private final List<Disposable> running = new CopyOnWriteArrayList<>();

    public PollerFleet(List<SubscriptionPoller> pollers) {
        this.pollers = List.copyOf(pollers);
    }

    @Override
    public void start() {
        for (SubscriptionPoller poller : pollers) {
            // The poller logs and reports its own end; nothing more to do with the error here.
            running.add(poller.run().subscribe(done -> { }, failure -> { }));
        }
    }

    @Override
    public void stop() {
        running.forEach(Disposable::dispose);
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return !running.isEmpty();
    }

    public List<SubscriptionStatus> statuses() {
        return pollers.stream().map(SubscriptionPoller::status).toList();
    }
}
