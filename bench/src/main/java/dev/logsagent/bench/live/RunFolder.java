package dev.logsagent.bench.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The folder a bench run keeps its files, the agent's config and its output in: the {@code --work-dir} given, which
 * must be empty, or a new private temporary folder, deleted afterwards unless {@code --keep}.
 */
final class RunFolder {
    /** What the run does in its folder. */
    interface Use<R> {
        R in(Path dir) throws IOException, InterruptedException;
    }

    private RunFolder() {
    }

    static <R> R use(String tempPrefix, Path workDir, boolean keep, Consumer<String> log, Use<R> use)
            throws IOException, InterruptedException {
        if (workDir != null) {
            return use.in(emptyFolder(workDir));
        }
        Path dir = Files.createTempDirectory(tempPrefix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            return use.in(dir);
        } finally {
            if (keep) {
                log.accept("kept " + dir);
            } else {
                deleteTree(dir);
            }
        }
    }

    /**
     * A run starts from nothing: old files would be read again and old offsets resumed, and its agent.log must hold
     * this run's output only.
     */
    private static Path emptyFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new IOException("--work-dir " + dir + " is not empty");
            }
        }
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
