package io.eventsync.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every kustomization under k8s/ and what it refers to: resource and patch files (Kubernetes
 * objects, whole or partial) and generator inputs (env files, config files). How the tests know
 * which YAML files are resources without guessing from their content.
 */
final class KustomizationTree {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final Set<Path> kustomizations = new TreeSet<>();
    final Set<Path> resourceFiles = new TreeSet<>();
    final Set<Path> generatorInputs = new TreeSet<>();
    final List<String> secretGenerators = new ArrayList<>();

    static KustomizationTree of(Path root) {
        KustomizationTree tree = new KustomizationTree();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.getFileName().toString().matches("kustomization\\.ya?ml"))
                    .forEach(tree::read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    /** Every .yaml/.yml file under {@code root}. */
    static Set<Path> yamlFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> file.toString().matches(".*\\.ya?ml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(Path kustomization) {
        kustomizations.add(kustomization.normalize());
        Path dir = kustomization.getParent();
        JsonNode tree;
        try {
            tree = YAML.readTree(kustomization.toFile());
        } catch (IOException e) {
            throw new AssertionError(kustomization + " is not YAML: " + e.getMessage(), e);
        }
        if (tree == null) {
            return;
        }
        tree.path("resources").forEach(entry -> {
            Path target = dir.resolve(entry.asText()).normalize();
            if (Files.isRegularFile(target)) {
                resourceFiles.add(target); // a directory is a kustomization of its own, read on its own
            }
        });
        tree.path("patches").forEach(patch -> {
            if (patch.has("path")) {
                resourceFiles.add(dir.resolve(patch.path("path").asText()).normalize());
            }
        });
        tree.path("patchesStrategicMerge").forEach(entry -> resourceFiles.add(dir.resolve(entry.asText()).normalize()));
        for (String generator : List.of("configMapGenerator", "secretGenerator")) {
            tree.path(generator).forEach(entry -> {
                if (generator.equals("secretGenerator")) {
                    secretGenerators.add(kustomization + ": " + entry.path("name").asText());
                }
                entry.path("files").forEach(file -> {
                    String path = file.asText();
                    generatorInputs.add(dir.resolve(path.substring(path.indexOf('=') + 1)).normalize());
                });
                entry.path("envs").forEach(file -> generatorInputs.add(dir.resolve(file.asText()).normalize()));
            });
        }
    }
}
