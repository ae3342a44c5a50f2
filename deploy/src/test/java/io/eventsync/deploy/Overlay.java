package io.eventsync.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Optional;

/** The two overlays, rendered and parsed once. */
enum Overlay {

    DEV("dev", "eventsync-dev"),
    PROD("prod", "eventsync");

    final String directory;
    final String namespace;
    private volatile List<HasMetadata> resources;

    Overlay(String directory, String namespace) {
        this.directory = directory;
        this.namespace = namespace;
    }

    /** {@code kubectl kustomize k8s/overlays/<dir>}, every document parsed strictly. */
    List<HasMetadata> resources() {
        if (resources == null) {
            resources = List.copyOf(Manifests.parseAll(Kustomize.render(Repository.overlay(directory)),
                    "k8s/overlays/" + directory));
        }
        return resources;
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T named(Class<T> kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(
                this + " renders no " + kind.getSimpleName() + " named " + name));
    }

    Deployment deployment(App app) {
        return named(Deployment.class, app.name);
    }

    /**
     * A ConfigMap by the name the manifests use; kustomize's generators append a content hash, and
     * rewrite every reference to match, so a reference's name is what to look up.
     */
    ConfigMap configMap(String name) {
        return named(ConfigMap.class, name);
    }

    @Override
    public String toString() {
        return "k8s/overlays/" + directory;
    }
}
