package dev.logsagent.logs.tailers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;

/**
 * Which files of the watched directories were written, through {@link WatchService} (inotify on Linux: one watch
 * per directory, whatever the number of files in it). Events wait in the service until {@link #drain} hands them
 * on, coalesced per file name; a directory with more changed files than the service keeps (or a kernel queue that
 * overflowed) is reported as overflowed, meaning any of its files may have changed.
 *
 * <p>Only Linux gets a watch: elsewhere the JDK's watch service polls every file of the directory itself, which
 * the tailers' own polling already does better. Not thread-safe: its owner serializes the calls.
 */
final class DirectoryWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatch.class);

    /** What {@link #drain} reports. */
    interface Events {
        /** The file {@code name} of {@code dir} was written, truncated or had its attributes changed. */
        void modified(Path dir, Path name);

        /** Events of {@code dir} were lost: any of its files may have changed. */
        void overflowed(Path dir);

        /** {@code dir} is no longer watched (deleted or unmounted): its files must be polled. */
        void lost(Path dir);
    }

    /** Null: nothing can be watched. */
    private final WatchService service;
    private final Map<Path, WatchKey> keys = new HashMap<>();

    private DirectoryWatch(WatchService service) {
        this.service = service;
    }

    /** A watch on Linux, or one that watches nothing when inotify is not there or cannot be had. */
    static DirectoryWatch open() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return none();
        }
        try {
            return new DirectoryWatch(FileSystems.getDefault().newWatchService());
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("cannot watch log directories ({}): tailed files are polled", e.toString());
            return none();
        }
    }

    /** Watches nothing: every file is polled. */
    static DirectoryWatch none() {
        return new DirectoryWatch(null);
    }

    /** Whether directories can be watched at all. */
    boolean available() {
        return service != null;
    }

    /** Starts watching {@code dir}; false when it cannot be watched (no watch service, inotify limit, gone). */
    boolean add(Path dir) {
        if (service == null) {
            return false;
        }
        if (keys.containsKey(dir)) {
            return true;
        }
        try {
            keys.put(dir, dir.register(service, StandardWatchEventKinds.ENTRY_MODIFY));
            return true;
        } catch (IOException | UnsupportedOperationException | ClosedWatchServiceException e) {
            LOG.info("cannot watch {} ({}): its files are polled", dir, e.toString());
            return false;
        }
    }

    void remove(Path dir) {
        WatchKey key = keys.remove(dir);
        if (key != null) {
            key.cancel();
        }
    }

    /** Hands on the events that came since the last call, without waiting for more. */
    void drain(Events out) {
        if (service == null) {
            return;
        }
        WatchKey key;
        try {
            while ((key = service.poll()) != null) {
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        out.overflowed(dir);
                    } else if (event.context() instanceof Path name) {
                        out.modified(dir, name);
                    }
                }
                if (!key.reset() && keys.get(dir) == key) {
                    keys.remove(dir);
                    out.lost(dir);
                }
            }
        } catch (ClosedWatchServiceException e) {
            // Closed while stopping: nothing is waited for any more.
        }
    }

    @Override
    public void close() {
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                LOG.debug("closing the directory watch: {}", e.toString());
            }
        }
    }
}
