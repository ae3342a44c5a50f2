package io.eventsync.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Keeps up with OFSC event subscriptions and produces every event to Kafka exactly once. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

    /**
     * Its configuration file has its own name: the sandbox runs it in one JVM with the gateway,
     * whose {@code application.yml} would otherwise be the one both read.
     */
    public static final String CONFIG_NAME = "eventsync-ingest-ofsc";

    public static void main(String[] args) {
        application().run(args);
    }

    /** How every launcher (main, the sandbox, tests) starts it. */
    public static SpringApplicationBuilder application() {
        // main(): started from another launcher's main, Spring would name the application after that one in its logs.
        return new SpringApplicationBuilder(IngestApplication.class).main(IngestApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
