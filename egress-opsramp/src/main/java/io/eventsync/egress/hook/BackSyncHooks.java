package io.eventsync.egress.hook;

import io.eventsync.contracts.syncback.SyncBackSerde;
import io.eventsync.egress.config.BackSyncHookProperties;
import io.eventsync.egress.delivery.DeadLetters;
import io.eventsync.egress.delivery.DeliveryMetrics;
import io.eventsync.egress.delivery.ForwardingRules;
import io.eventsync.egress.delivery.HttpTarget;
import io.eventsync.egress.delivery.PipelineRunner;
import io.eventsync.egress.delivery.RoutePipeline;
import io.eventsync.egress.syncback.ForwardedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/** Builds the back-sync hook's runtime from its configuration: the public face of this package. */
public final class BackSyncHooks {

    private BackSyncHooks() {
    }

    /**
     * @param httpTargets an HTTP call with the egress policy and no credentials, for a hook given as a URL
     * @param topics what closes events: the events topic and the sync-back topic
     */
    public static BackSyncHookRuntime runtime(BackSyncHookProperties properties, Function<URI, HttpTarget> httpTargets,
                                              PipelineRunner runner, DeadLetters deadLetters, ForwardingRules rules,
                                              ForwardedEvents forwarded, String syncBackTopic, List<String> topics,
                                              DeliveryMetrics deliveryMetrics, MeterRegistry registry, JsonMapper json,
                                              Duration maxWait) {
        Optional<Hook> hook = !properties.command().isEmpty()
                ? Optional.of(new ProcessHook(properties.command(), properties.timeout()))
                : Optional.ofNullable(properties.url()).filter(url -> !url.isBlank()).map(URI::create)
                        .map(url -> new HttpHook(httpTargets.apply(url), url, json));
        HookMetrics metrics = new HookMetrics(registry);
        RoutePipeline<String> pipeline = new RoutePipeline<>(BackSyncHookRuntime.ID,
                new CloseSelector(syncBackTopic, forwarded, new SyncBackSerde(), json),
                new HookSender(hook.orElse(null), metrics), deadLetters, rules, maxWait,
                deliveryMetrics);
        return new BackSyncHookRuntime(hook, metrics, runner, properties.group(), topics, pipeline,
                properties.timeout());
    }
}
