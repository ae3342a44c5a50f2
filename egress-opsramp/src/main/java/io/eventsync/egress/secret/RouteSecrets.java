package io.eventsync.egress.secret;

import io.eventsync.egress.route.IntegrationEvent;
import java.util.List;
import java.util.function.UnaryOperator;

/** Applies a {@link SecretBox} to every secret an integration event holds, and to nothing else. */
public final class RouteSecrets {

    private final SecretBox box;

    public RouteSecrets(SecretBox box) {
        this.box = box;
    }

    public IntegrationEvent seal(IntegrationEvent route) {
        return apply(route, box::seal);
    }

    public IntegrationEvent open(IntegrationEvent route) {
        return apply(route, box::open);
    }

    private static IntegrationEvent apply(IntegrationEvent route, UnaryOperator<String> change) {
        IntegrationEvent.Notifier notifier = route.notifier() == null ? null
                : route.notifier().withSecrets(change.apply(route.notifier().password()),
                        change.apply(route.notifier().apiSecret()));
        List<IntegrationEvent.Header> headers = route.headers().stream()
                .map(header -> header.secret() ? header.withValue(change.apply(header.value())) : header)
                .toList();
        return route.withSecrets(notifier, headers);
    }
}
