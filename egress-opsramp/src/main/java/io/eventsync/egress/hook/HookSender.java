package io.eventsync.egress.hook;

import io.eventsync.egress.delivery.Outgoing;
import io.eventsync.egress.delivery.TargetAnswer;
import io.eventsync.egress.delivery.TargetSender;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** {@code Close <external id>}, one event at a time, as seed 004's hook takes it. */
final class HookSender implements TargetSender<String> {

    private final Hook hook;
    private final HookMetrics metrics;

    HookSender(Hook hook, HookMetrics metrics) {
        this.hook = hook;
        this.metrics = metrics;
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    @Override
    public Mono<TargetAnswer> send(List<Outgoing<String>> items) {
        return hook.call(Hook.CLOSE, Optional.of(items.get(0).item()))
                .doOnNext(answer -> metrics.called(Hook.CLOSE, answer));
    }

    @Override
    public String describe() {
        return hook.describe();
    }
}
