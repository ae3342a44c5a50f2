package io.eventsync.egress;

import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.topic.TopicProvisioner;
import io.eventsync.egress.config.BackSyncHookProperties;
import io.eventsync.egress.config.DeliveryProperties;
import io.eventsync.egress.config.EgressProperties;
import io.eventsync.egress.config.SyncBackClientProperties;
import io.eventsync.egress.delivery.BasicCredentials;
import io.eventsync.egress.delivery.Credentials;
import io.eventsync.egress.delivery.DeliveryMetrics;
import io.eventsync.egress.delivery.ForwardingRules;
import io.eventsync.egress.delivery.HttpTarget;
import io.eventsync.egress.delivery.KafkaDeadLetters;
import io.eventsync.egress.delivery.PipelineRunner;
import io.eventsync.egress.delivery.RoutePipeline;
import io.eventsync.egress.destination.EgressPolicy;
import io.eventsync.egress.hook.BackSyncHookRuntime;
import io.eventsync.egress.hook.BackSyncHooks;
import io.eventsync.egress.kafka.KafkaClientConfigs;
import io.eventsync.egress.syncback.ForwardedEvents;
import io.eventsync.egress.syncback.OmiSyncBackSender;
import io.eventsync.egress.syncback.SyncBackItem;
import io.eventsync.egress.syncback.SyncBackRuntime;
import io.eventsync.egress.syncback.SyncBackSelector;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** Sync-back to OMi and the back-sync hook: both follow what OMi forwarded, both deliver like a route. */
@Configuration(proxyBeanMethods = false)
class SyncBackConfiguration {

    @Bean
    ForwardedEvents forwardedEvents(SyncBackClientProperties syncBack, BackSyncHookProperties hook,
                                    KafkaClientConfigs kafka, JsonMapper json) {
        return new ForwardedEvents(() -> new KafkaConsumer<>(kafka.reader("forwarded-events"), new StringDeserializer(),
                new ByteArrayDeserializer()), syncBack.eventsTopic(), kafka.admin(), syncBack.lookupWait(), json,
                syncBack.enabled() || hook.configured());
    }

    @Bean
    SyncBackRuntime syncBackRuntime(SyncBackClientProperties syncBack, EgressProperties egress,
                                    DeliveryProperties delivery, KafkaClientConfigs kafka, ForwardedEvents forwarded,
                                    WebClient egressWebClient, EgressPolicy policy, PipelineRunner runner,
                                    KafkaDeadLetters deadLetters, ForwardingRules rules, DeliveryMetrics metrics) {
        if (syncBack.enabled() && egress.createTopics()) {
            try (Admin admin = Admin.create(kafka.admin())) {
                TopicProvisioner.ensure(admin, new NewTopic(syncBack.topic(), Optional.of(3), Optional.empty()));
            }
        }
        Map<String, HttpTarget> targets = new HashMap<>();
        Map<String, URI> bases = new HashMap<>();
        for (SyncBackClientProperties.ConnectedServer server : syncBack.connectedServers()) {
            targets.put(server.name(), new HttpTarget(egressWebClient, policy,
                    new BasicCredentials(server.name(), server.password()), List.of(), delivery.requestTimeout()));
            bases.put(server.name(), URI.create(server.url().endsWith("/") ? server.url() : server.url() + "/"));
        }
        OprCodec codec = OprCodec.withDefaults();
        RoutePipeline<SyncBackItem> pipeline = new RoutePipeline<>(SyncBackRuntime.ID,
                new SyncBackSelector(forwarded, syncBack, codec),
                new OmiSyncBackSender(targets, bases, syncBack.batchSize(), codec), deadLetters, rules,
                delivery.maxWait(), metrics);
        return new SyncBackRuntime(syncBack, runner, pipeline);
    }

    @Bean("backSync")
    BackSyncHookRuntime backSyncHook(BackSyncHookProperties hook, SyncBackClientProperties syncBack,
                                     DeliveryProperties delivery, WebClient egressWebClient, EgressPolicy policy,
                                     PipelineRunner runner, KafkaDeadLetters deadLetters, ForwardingRules rules,
                                     ForwardedEvents forwarded, DeliveryMetrics metrics, MeterRegistry registry,
                                     JsonMapper json) {
        return BackSyncHooks.runtime(hook, url -> new HttpTarget(egressWebClient, policy, Credentials.NONE, List.of(),
                        hook.timeout()), runner, deadLetters, rules, forwarded, syncBack.topic(),
                List.of(syncBack.eventsTopic(), syncBack.topic()), metrics, registry, json, delivery.maxWait());
    }
}
