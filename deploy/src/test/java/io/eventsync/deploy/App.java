package io.eventsync.deploy;

import io.eventsync.egress.EgressApplication;
import io.eventsync.ingest.IngestApplication;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The three apps as k8s/ runs them: the Deployment (and Service, KafkaUser) names, where each keeps
 * its configuration file and under which name it loads it, and how it builds its Kafka clients.
 */
enum App {

    GATEWAY("gateway", "application", "io.eventsync.gateway", "eventsync-gateway", binder -> {
        var configs = new io.eventsync.gateway.kafka.KafkaClientConfigs(bind(binder,
                io.eventsync.gateway.config.KafkaClientProperties.class));
        return clients(configs.admin(), configs.producer(), configs.consumer("read-model"));
    }),
    INGEST_OFSC("ingest-ofsc", IngestApplication.CONFIG_NAME, "io.eventsync.ingest", "eventsync-ingest-ofsc", binder -> {
        var configs = new io.eventsync.ingest.kafka.KafkaClientConfigs(bind(binder,
                io.eventsync.ingest.config.KafkaClientProperties.class));
        return clients(configs.admin(), configs.producer(), configs.consumer("checkpoints"));
    }),
    EGRESS_OPSRAMP("egress-opsramp", EgressApplication.CONFIG_NAME, "io.eventsync.egress", "eventsync-egress-opsramp",
            binder -> {
                var configs = new io.eventsync.egress.kafka.KafkaClientConfigs(bind(binder,
                        io.eventsync.egress.config.KafkaClientProperties.class));
                return clients(configs.admin(), configs.producer("dead-letters"), configs.reader("delivery"));
            });

    /** Module, Deployment, container, Service and ServiceAccount name alike. */
    final String name;
    /** {@code spring.config.name}: ingest and egress set their own so the sandbox can run all in one JVM. */
    final String configName;
    final String basePackage;
    /** Its KafkaUser, and so the Secret Strimzi's User Operator writes for it. */
    final String kafkaUser;
    private final Function<Binder, Map<String, Map<String, Object>>> kafkaClients;

    App(String name, String configName, String basePackage, String kafkaUser,
        Function<Binder, Map<String, Map<String, Object>>> kafkaClients) {
        this.name = name;
        this.configName = configName;
        this.basePackage = basePackage;
        this.kafkaUser = kafkaUser;
        this.kafkaClients = kafkaClients;
    }

    /** The source, not a packaged copy: what the next image will contain. */
    Path resources() {
        return Repository.root().resolve(name).resolve("src/main/resources");
    }

    Path configFile() {
        return resources().resolve(configName + ".yml");
    }

    /**
     * Every {@code @ConfigurationProperties} type of the app, found as its own
     * {@code @ConfigurationPropertiesScan} finds them (its base package).
     */
    List<Class<?>> propertiesTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        return scanner.findCandidateComponents(basePackage).stream()
                .<Class<?>>map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(),
                        App.class.getClassLoader()))
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

    static String prefixOf(Class<?> type) {
        ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
        return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
    }

    /** The settings of each kind of Kafka client the app opens, built by the app's own KafkaClientConfigs. */
    Map<String, Map<String, Object>> kafkaClients(Binder binder) {
        return kafkaClients.apply(binder);
    }

    static <T> T bind(Binder binder, Class<T> type) {
        return binder.bindOrCreate(prefixOf(type), type);
    }

    private static Map<String, Map<String, Object>> clients(Map<String, Object> admin, Map<String, Object> producer,
                                                            Map<String, Object> consumer) {
        Map<String, Map<String, Object>> clients = new LinkedHashMap<>();
        clients.put("admin", admin);
        clients.put("producer", producer);
        clients.put("consumer", consumer);
        return clients;
    }
}
