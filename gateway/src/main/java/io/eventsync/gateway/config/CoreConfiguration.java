package io.eventsync.gateway.config;

import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprLimits;
import io.eventsync.gateway.http.RequestBodies;
import io.eventsync.gateway.problem.ProblemBody;
import io.eventsync.gateway.problem.ProblemMapper;
import io.eventsync.gateway.problem.ProblemWebExceptionHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every feature shares: the clock, the OPR codec, bounded request bodies and the error shape. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OprCodec oprCodec(GatewayProperties properties) {
        return new OprCodec(new OprLimits(OprLimits.DEFAULT.maxDepth(), OprLimits.DEFAULT.maxStringLength(),
                properties.maxBodySize().toBytes()));
    }

    @Bean
    RequestBodies requestBodies(GatewayProperties properties) {
        return new RequestBodies((int) Math.min(Integer.MAX_VALUE, properties.maxBodySize().toBytes()));
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler(GatewayProperties properties, OprCodec codec,
                                                          MeterRegistry registry) {
        return new ProblemWebExceptionHandler(new ProblemMapper(properties.retryAfter()),
                new ProblemBody(codec.jsonMapper()), registry);
    }
}
