package io.eventsync.gateway.config;

import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprLimits;
import io.eventsync.gateway.http.RequestAdmission;
import io.eventsync.gateway.http.RequestBodies;
import io.eventsync.gateway.http.SlowClientTimeouts;
import io.eventsync.gateway.problem.ProblemBody;
import io.eventsync.gateway.problem.ProblemMapper;
import io.eventsync.gateway.problem.ProblemWebExceptionHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Beans every feature shares: the clock, the OPR codec, bounded request bodies, the bound on requests
 * served at once, and the error shape.
 */
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

    /**
     * Parsing, validation and answers: CPU work off Netty's event loops and Reactor's parallel
     * scheduler (timers, timeouts), so probes and connection handling keep running under overload.
     */
    @Bean(destroyMethod = "dispose")
    Scheduler gatewayWork() {
        return Schedulers.newParallel("gateway-work", Runtime.getRuntime().availableProcessors());
    }

    @Bean
    RequestBodies requestBodies(GatewayProperties properties, Scheduler gatewayWork) {
        return new RequestBodies((int) Math.min(Integer.MAX_VALUE, properties.maxBodySize().toBytes()), gatewayWork);
    }

    /** OMi's forwards answer overload themselves: a bulk must come back as a bulk, not one request per event. */
    @Bean
    RequestAdmission requestAdmission(GatewayProperties properties) {
        String forwards = properties.basePath() + "/event";
        return new RequestAdmission(properties.maxConcurrentRequests(), exchange ->
                HttpMethod.POST.equals(exchange.getRequest().getMethod())
                        && exchange.getRequest().getPath().pathWithinApplication().value().startsWith(forwards));
    }

    @Bean
    SlowClientTimeouts slowClientTimeouts(GatewayProperties properties) {
        return new SlowClientTimeouts(properties.requestReadTimeout());
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler(GatewayProperties properties, OprCodec codec,
                                                          MeterRegistry registry) {
        return new ProblemWebExceptionHandler(new ProblemMapper(properties.retryAfter()),
                new ProblemBody(codec.jsonMapper()), registry);
    }
}
