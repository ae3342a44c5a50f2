package io.eventsync.egress;

import io.eventsync.egress.replay.ReplayCommand;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Delivers events from Kafka to third parties along routes defined as OpsRamp integration events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EgressApplication {

    /** Its own configuration file name, so it can share a JVM (the sandbox) with the other services. */
    public static final String CONFIG_NAME = "eventsync-egress-opsramp";

    /** The service; or, with {@code replay} first, the dead-letter replay command (see {@code replay --help}). */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("replay")) {
            // Before any logger exists: the command's output is its report, not Kafka clients' INFO lines.
            System.setProperty("logback.configurationFile", "eventsync-replay-logback.xml");
            System.exit(ReplayCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        application().run(args);
    }

    /** How every launcher (main, the sandbox, tests) starts it. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(EgressApplication.class).main(EgressApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
