package io.eventsync.sandbox.receiver;

import java.util.ArrayList;
import java.util.List;

/** Every alert the OpsRamp API accepted, in the order it accepted them. */
final class ReceivedAlerts {

    private final List<OpsRampAlert> alerts = new ArrayList<>();

    synchronized void add(OpsRampAlert alert) {
        alerts.add(alert);
    }

    synchronized List<OpsRampAlert> snapshot() {
        return List.copyOf(alerts);
    }

    synchronized int size() {
        return alerts.size();
    }

    synchronized void clear() {
        alerts.clear();
    }
}
