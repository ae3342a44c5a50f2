package io.eventsync.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What one app's container sees in one overlay: its environment as Kubernetes assembles it
 * (envFrom ConfigMaps in order, then env; Secrets, which are not in git, as stand-in values), its
 * mounted ConfigMap files, and the configuration Spring Boot makes of them together with the app's
 * own YAML file. Spring Boot itself loads it (config data, relaxed binding, placeholders), so what
 * the tests bind is what the app would.
 */
final class PodConfiguration {

    /** Where an environment variable's value comes from. */
    record Source(String kind, String name, String key) {
        static Source literal() {
            return new Source("value", "", "");
        }

        @Override
        public String toString() {
            return kind.equals("value") ? "a literal value" : kind + " " + name + (key.isEmpty() ? "" : " key " + key);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::[^}]*)?}");
    private static final List<String> CONFIG_LOCATION_VARIABLES =
            List.of("SPRING_CONFIG_ADDITIONAL_LOCATION", "SPRING_CONFIG_IMPORT", "SPRING_CONFIG_LOCATION");
    private static final Map<String, PodConfiguration> CACHE = new ConcurrentHashMap<>();

    final Overlay overlay;
    final App app;
    final Deployment deployment;
    final Container container;
    /** Variable name to value, in Kubernetes' precedence; Secrets' values are stand-ins. */
    final Map<String, String> environment = new LinkedHashMap<>();
    final Map<String, Source> sources = new LinkedHashMap<>();
    final List<SecretKeySelector> secretKeyRefs = new ArrayList<>();
    final List<ConfigMapKeySelector> configMapKeyRefs = new ArrayList<>();
    /** Path in the container to content, for every file of a mounted ConfigMap. */
    final Map<String, String> mountedFiles = new LinkedHashMap<>();
    /** Scratch directory of the pod's files: the overlay's, or another label for a non-Kubernetes container. */
    private final String scratchDirectory;
    private ConfigurableEnvironment spring;
    private Set<ConfigurationPropertyName> boundNames;

    static PodConfiguration of(Overlay overlay, App app) {
        return CACHE.computeIfAbsent(overlay + "/" + app, key -> new PodConfiguration(overlay, app, Map.of()));
    }

    /** As if the Deployment's env also set {@code extra} (literal values): for tests of the checks themselves. */
    static PodConfiguration withExtraVariables(Overlay overlay, App app, Map<String, String> extra) {
        return new PodConfiguration(overlay, app, extra);
    }

    /**
     * A container that is no Kubernetes pod (docker-compose.yml's): only literal variables, no
     * Deployment, container or mounted files ({@code overlay}, {@code deployment}, {@code container} are null).
     */
    static PodConfiguration ofEnvironment(String where, App app, Map<String, String> variables) {
        return new PodConfiguration(where, app, variables);
    }

    private PodConfiguration(String where, App app, Map<String, String> variables) {
        this.overlay = null;
        this.app = app;
        this.deployment = null;
        this.container = null;
        this.scratchDirectory = where;
        variables.forEach((name, value) -> {
            environment.put(name, value);
            sources.put(name, Source.literal());
        });
    }

    private PodConfiguration(Overlay overlay, App app, Map<String, String> extra) {
        this.overlay = overlay;
        this.app = app;
        this.scratchDirectory = overlay.directory;
        this.deployment = overlay.deployment(app);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        this.container = pod.getContainers().stream().filter(c -> c.getName().equals(app.name)).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": Deployment " + app.name + " has no container "
                        + app.name));
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getSecretRef() != null) {
                // Keys of a Secret are not in git, so nothing could check them: name each one with secretKeyRef.
                throw new AssertionError(overlay + ": " + app.name + " takes envFrom Secret "
                        + from.getSecretRef().getName() + "; use secretKeyRef per variable");
            }
            ConfigMap configMap = overlay.configMap(from.getConfigMapRef().getName());
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            configMap.getData().forEach((key, value) -> {
                environment.put(prefix + key, value);
                sources.put(prefix + key, new Source("ConfigMap", configMap.getMetadata().getName(), key));
            });
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                environment.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
                sources.put(variable.getName(), Source.literal());
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                SecretKeySelector ref = variable.getValueFrom().getSecretKeyRef();
                secretKeyRefs.add(ref);
                environment.put(variable.getName(), standInSecret(ref.getName(), ref.getKey()));
                sources.put(variable.getName(), new Source("Secret", ref.getName(), ref.getKey()));
            } else if (variable.getValueFrom().getConfigMapKeyRef() != null) {
                ConfigMapKeySelector ref = variable.getValueFrom().getConfigMapKeyRef();
                configMapKeyRefs.add(ref);
                String value = overlay.configMap(ref.getName()).getData().get(ref.getKey());
                if (value == null) {
                    throw new AssertionError(overlay + ": " + app.name + " reads key " + ref.getKey()
                            + " of ConfigMap " + ref.getName() + ", which has no such key");
                }
                environment.put(variable.getName(), value);
                sources.put(variable.getName(), new Source("ConfigMap", ref.getName(), ref.getKey()));
            } else {
                throw new AssertionError(overlay + ": " + app.name + " sets " + variable.getName()
                        + " from a source these tests do not know");
            }
        }
        extra.forEach((name, value) -> {
            environment.put(name, value);
            sources.put(name, Source.literal());
        });
        Map<String, Volume> volumes = new HashMap<>();
        pod.getVolumes().forEach(volume -> volumes.put(volume.getName(), volume));
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = volumes.get(mount.getName());
            if (volume != null && volume.getConfigMap() != null) {
                Map<String, String> data = overlay.configMap(volume.getConfigMap().getName()).getData();
                List<KeyToPath> items = volume.getConfigMap().getItems();
                if (items == null || items.isEmpty()) {
                    data.forEach((key, content) -> mountedFiles.put(mount.getMountPath() + "/" + key, content));
                } else {
                    items.forEach(item -> mountedFiles.put(mount.getMountPath() + "/" + item.getPath(),
                            data.get(item.getKey())));
                }
            }
        }
    }

    /**
     * What stands in for a Secret's value. For a KafkaUser's {@code sasl.jaas.config}, the shape
     * Strimzi's User Operator writes for a SCRAM-SHA-512 user.
     */
    static String standInSecret(String secret, String key) {
        if (key.equals("sasl.jaas.config")) {
            return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + secret
                    + "\" password=\"generated-by-the-user-operator\";";
        }
        return "from-secret-" + secret + "-" + key;
    }

    /** The app's Spring environment in this pod: its YAML file, the files the pod imports, the pod's variables. */
    synchronized ConfigurableEnvironment spring() {
        if (spring == null) {
            spring = load();
        }
        return spring;
    }

    Binder binder() {
        return Binder.get(spring());
    }

    <T> T bind(Class<T> type) {
        return App.bind(binder(), type);
    }

    /** Every property name some {@code @ConfigurationProperties} type of the app binds in this pod. */
    synchronized Set<ConfigurationPropertyName> boundNames() {
        if (boundNames == null) {
            Set<ConfigurationPropertyName> names = new LinkedHashSet<>();
            BindHandler recorder = new BindHandler() {
                @Override
                public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                                        Object result) {
                    names.add(name);
                    return result;
                }
            };
            Binder binder = binder();
            for (Class<?> type : app.propertiesTypes()) {
                binder.bindOrCreate(App.prefixOf(type), Bindable.of(type), recorder);
            }
            boundNames = Set.copyOf(names);
        }
        return boundNames;
    }

    /** The names a bound property answers to as an environment variable (Spring Boot's relaxed binding). */
    static Set<String> environmentNames(ConfigurationPropertyName name) {
        String upper = name.toString().replace("[", ".").replace("]", "").toUpperCase(Locale.ROOT).replace('.', '_');
        // Canonical: dashes dropped (EVENTSYNC_GATEWAY_CREATETOPIC); legacy: dashes as underscores.
        return new LinkedHashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }

    /** ${VARIABLE} placeholders of the app's YAML file and of the config files this pod makes it import. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>(placeholdersIn(Repository.read(app.configFile())));
        importedFiles().values().forEach(content -> names.addAll(placeholdersIn(content)));
        return names;
    }

    static Set<String> placeholdersIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Mounted files a spring.config location variable names (the file, or the directory holding it). */
    Map<String, String> importedFiles() {
        Map<String, String> imported = new LinkedHashMap<>();
        for (String variable : CONFIG_LOCATION_VARIABLES) {
            String value = environment.get(variable);
            if (value == null) {
                continue;
            }
            for (String location : value.split("[,;]")) {
                String path = location.trim().replaceFirst("^optional:", "").replaceFirst("^file:", "");
                mountedFiles.forEach((file, content) -> {
                    if (file.equals(path) || (path.endsWith("/") && file.startsWith(path))) {
                        imported.put(file, content);
                    }
                });
            }
        }
        return imported;
    }

    private ConfigurableEnvironment load() {
        // The pod's files, under a scratch root; config location variables are pointed there.
        Path root = Repository.scratch("pods", scratchDirectory, app.name + "-" + Integer.toHexString(hashCode()));
        mountedFiles.forEach((file, content) -> write(root.resolve(file.substring(1)), content));
        Map<String, Object> variables = new HashMap<>(environment);
        for (String variable : CONFIG_LOCATION_VARIABLES) {
            variables.computeIfPresent(variable, (name, value) -> value.toString().replace("file:/", "file:" + root + "/"));
        }
        StandardEnvironment environment = new StandardEnvironment();
        // Only the pod's variables: not this JVM's (CI's KAFKA_BOOTSTRAP_SERVERS), nor its system properties.
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        SpringApplication application = new SpringApplication(NoBeans.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        application.setEnvironment(environment);
        // As the app loads it (its spring.config.name), from its source tree rather than a built jar.
        application.setDefaultProperties(Map.of(
                "spring.config.name", app.configName,
                "spring.config.location", "file:" + app.configFile()));
        try (ConfigurableApplicationContext context = application.run()) {
            return context.getEnvironment();
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An application context with nothing in it: only its environment is wanted. */
    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }
}
