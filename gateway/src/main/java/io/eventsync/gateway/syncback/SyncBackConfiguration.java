package io.eventsync.gateway.syncback;

import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.gateway.metrics.GatewayMetrics;
import io.eventsync.gateway.publish.SyncBackPublication;
import io.eventsync.gateway.readmodel.ReadModelLookup;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires {@code POST /sync-back} to the read model and publication. */
@Configuration(proxyBeanMethods = false)
class SyncBackConfiguration {

    @Bean
    SyncBackForwarding syncBackForwarding(OprCodec codec, SyncBackPublication publication, ReadModelLookup lookup,
                                          GatewayMetrics metrics, Clock clock, GatewayProperties properties) {
        JsonMapper json = codec.jsonMapper();
        SyncBackReader reader = new SyncBackReader(json,
                new SyncBackValidation(json, () -> UUID.randomUUID().toString()), properties.syncBack().maxBulkItems());
        return new SyncBackForwarding(reader, publication, lookup, metrics, clock, properties.retryAfter());
    }
}
