package io.eventsync.egress;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Delivers events from Kafka to third parties along routes defined as OpsRamp integration events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EgressApplication {

    /** Its own configuration file name, so it can share a JVM (the sandbox) with the other services. */
    public static final String CONFIG_NAME = "eventsync-egress-opsramp";

    public static void main(String[] args) {
        application().run(args);
    }

    /** How every launcher (main, the sandbox, tests) starts it. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(EgressApplication.class).main(EgressApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
