package io.eventsync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are in the repository, wherever Maven runs the tests from (the module or the root). */
final class Repository {

    private static final Path ROOT = findRoot();

    private Repository() {
    }

    static Path root() {
        return ROOT;
    }

    static Path k8s() {
        return ROOT.resolve("k8s");
    }

    static Path overlay(String name) {
        return k8s().resolve("overlays").resolve(name);
    }

    /** Scratch space under deploy/target, so nothing outlives {@code mvn clean}. */
    static Path scratch(String first, String... more) {
        Path dir = ROOT.resolve("deploy").resolve("target").resolve("deploy-tests").resolve(Path.of(first, more));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("deploy").resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (with k8s/ and deploy/pom.xml) above "
                + Path.of("").toAbsolutePath());
    }
}
