package dev.logsagent.logs.auditor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * {@code registry.json} on disk. Writes replace the file atomically, so that a crash or a full disk at any
 * moment leaves either the previous registry or the new one, never a mix.
 */
final class RegistryFile {
    static final String NAME = "registry.json";

    private final Path folder;
    private final Path path;
    private final Path temp;
    private final Path aside;

    RegistryFile(Path folder) {
        this.folder = folder;
        this.path = folder.resolve(NAME);
        this.temp = folder.resolve(NAME + ".tmp");
        this.aside = folder.resolve(NAME + ".corrupt");
    }

    Path path() {
        return path;
    }

    /** Creates the folder if needed and proves it writable, also clearing a temp file a crash left behind. */
    void prepareFolder() throws IOException {
        Files.createDirectories(folder);
        Files.deleteIfExists(temp);
        Files.createFile(temp);
        Files.delete(temp);
    }

    /** The file's bytes, or empty when there is no registry yet. */
    Optional<byte[]> read() throws IOException {
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Moves an unreadable registry out of the way, keeping it for inspection; returns where it went. */
    Path moveAside() throws IOException {
        Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
        return aside;
    }

    /** Temp file in the same folder, fsync, rename over the registry, fsync the folder so the rename lasts. */
    void write(byte[] content) throws IOException {
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
