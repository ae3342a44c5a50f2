package io.eventsync.gateway.opr;

import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.gateway.metrics.GatewayMetrics;
import io.eventsync.gateway.publish.OprPublication;
import io.eventsync.gateway.readmodel.EventChangeApplier;
import io.eventsync.gateway.readmodel.ReadModelLookup;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the OPR endpoints to publication and the read model. */
@Configuration(proxyBeanMethods = false)
class OprConfiguration {

    @Bean
    EventLookup eventLookup(ReadModelLookup lookup) {
        return new EventLookup(lookup);
    }

    @Bean
    EventForwarding eventForwarding(OprPublication publication, GatewayMetrics metrics, Clock clock,
                                    GatewayProperties properties) {
        return new EventForwarding(publication, metrics, clock, properties.maxBulkItems(), properties.retryAfter());
    }

    @Bean
    ChangeForwarding changeForwarding(OprPublication publication, EventLookup lookup, EventChangeApplier applier,
                                      GatewayMetrics metrics, Clock clock, GatewayProperties properties) {
        return new ChangeForwarding(publication, lookup, applier, metrics, clock, properties.maxBulkItems(),
                properties.retryAfter());
    }
}
