package io.eventsync.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Folders under the temporary folder that go away with the run that made them. */
public final class TemporaryFolders {

    private static final Logger log = LoggerFactory.getLogger(TemporaryFolders.class);

    private TemporaryFolders() {
    }

    /** A new, empty folder, deleted with everything in it when this JVM ends. */
    public static Path fresh(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir), "delete-" + prefix));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder " + prefix, e);
        }
    }

    /** Deletes the folder and everything in it; a folder that is not there is no error. */
    public static void deleteRecursively(Path dir) {
        if (Files.notExists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
