package dev.logsagent.logs.auditor;

import dev.logsagent.errors.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Remembers how far each input has been delivered, in {@code run_path/registry.json}, so that a restart
 * resumes where delivery stopped: nothing lost, nothing sent twice.
 *
 * <p>The sender commits only positions the intake acknowledged, in order for each input, so a commit simply
 * replaces the previous position of its identifier, even with a smaller offset: a truncated file legitimately
 * starts again at 0 under the same identifier.
 *
 * <p>Commits only touch memory and wake the flusher thread, which writes the registry soon after: at most one
 * write every {@value #MIN_GAP_MILLIS} ms, or twenty times as long as the last write took (a registry of thousands of
 * files costs more to write), and at least every flush interval while something changed. So a crash replays only
 * what was acknowledged in the last few tens of milliseconds (at most one batch of a live stream), without an
 * fsync per payload; writing more often cost a thousand busily written files several percent of a core. {@link #close()} writes it a
 * last time. A registry that cannot be read, or written, is
 * reported in the log and in {@link #problems()}, never thrown at the caller.
 */
public final class Auditor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Auditor.class);
    static final long MIN_GAP_MILLIS = 25;

    private final Path runPath;
    private final RegistryFile file;
    private final Duration ttl;
    private final InstantSource clock;
    private final Duration flushInterval;

    private final Map<String, RegistryEntry> registry = new ConcurrentHashMap<>();
    private final Set<String> tailed = ConcurrentHashMap.newKeySet();
    /** Bumped on every change; the writer compares it with the count it last wrote. */
    private final AtomicLong changes = new AtomicLong();
    private final List<String> loadProblems = new CopyOnWriteArrayList<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private long changesWritten;
    private volatile String writeProblem;
    private volatile Thread flusher;

    /**
     * @param runPath       the folder holding {@code registry.json}; created at start if missing
     * @param ttl           how long an entry that is not tailed survives without a commit
     * @param clock         the time entries are stamped and expired with
     * @param flushInterval how often changes are written to disk
     */
    public Auditor(Path runPath, Duration ttl, InstantSource clock, Duration flushInterval) {
        this.runPath = Objects.requireNonNull(runPath, "runPath");
        this.file = new RegistryFile(runPath);
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.flushInterval = Objects.requireNonNull(flushInterval, "flushInterval");
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flushInterval must be positive: " + flushInterval);
        }
    }

    /**
     * Loads the registry and starts the flusher.
     *
     * @throws StartupException when run_path cannot be created or written to
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("auditor already started");
        }
        try {
            file.prepareFolder();
        } catch (IOException e) {
            throw new StartupException("run_path " + runPath + " is not a writable folder: " + e, e);
        }
        load();
        // A platform thread: CPU-bound virtual threads (tailers decoding) must not delay saving what was delivered.
        flusher = Thread.ofPlatform().daemon().name("auditor-flusher").start(this::flushPeriodically);
    }

    /** The last delivered position of an input, if it has one. */
    public Optional<RegistryEntry> get(String identifier) {
        return Optional.ofNullable(registry.get(identifier));
    }

    /**
     * Records that everything of the input up to {@code offset} was delivered. An empty identifier is ignored:
     * inputs that cannot be resumed (network sockets) have none.
     *
     * @param tailingMode the source's start position, kept for the next start; may be null
     * @param fingerprint the file generation the offset belongs to; may be null
     */
    public void commit(String identifier, String offset, String tailingMode, String fingerprint) {
        if (identifier.isEmpty()) {
            return;
        }
        registry.put(identifier, new RegistryEntry(offset, clock.instant(), tailingMode, fingerprint));
        changes.incrementAndGet();
        Thread f = flusher;
        if (f != null) {
            LockSupport.unpark(f);
        }
    }

    /** The input is being tailed: its entry stays however long it goes without a commit. */
    public void markTailed(String identifier) {
        tailed.add(identifier);
    }

    /**
     * The input is no longer tailed. Its entry is kept for a full TTL from now, so a file that was quiet for
     * long still resumes if it is tailed again soon.
     */
    public void unmarkTailed(String identifier) {
        // Refresh first, untrack second: a concurrent expiry sees the entry either still tailed or fresh.
        Instant now = clock.instant();
        if (registry.computeIfPresent(identifier,
                (id, e) -> new RegistryEntry(e.offset(), now, e.tailingMode(), e.fingerprint())) != null) {
            changes.incrementAndGet();
        }
        tailed.remove(identifier);
    }

    /** Expires stale entries, then writes the registry if anything changed since the last write. */
    public void flush() {
        writeLock.lock();
        try {
            expire(clock.instant());
            long seen = changes.get();
            if (seen == changesWritten) {
                return;
            }
            file.write(RegistryFormat.encode(new TreeMap<>(registry)));
            changesWritten = seen;
            if (writeProblem != null) {
                log.info("{} is written again", file.path());
                writeProblem = null;
            }
        } catch (IOException e) {
            reportWriteProblem(file.path() + " could not be written, the previous one is kept: " + e);
        } finally {
            writeLock.unlock();
        }
    }

    /** What went wrong with the registry, one line each, for the status page. */
    public List<String> problems() {
        List<String> all = new ArrayList<>(loadProblems);
        String current = writeProblem;
        if (current != null) {
            all.add(current);
        }
        return all;
    }

    /** Stops the flusher and writes the registry a last time. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop.countDown();
        if (flusher != null) {
            LockSupport.unpark(flusher);
            try {
                flusher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    private void flushPeriodically() {
        try {
            while (stop.getCount() > 0) {
                // Woken early by a commit; a spurious wake-up only costs a check of the change counter.
                LockSupport.parkNanos(flushInterval.toNanos());
                if (stop.getCount() == 0) {
                    return;
                }
                long started = System.nanoTime();
                flush();
                long took = System.nanoTime() - started;
                long gap = Math.max(TimeUnit.MILLISECONDS.toNanos(MIN_GAP_MILLIS), 20 * took) - took;
                if (gap > 0 && stop.await(gap, TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void load() {
        Optional<byte[]> content;
        try {
            content = file.read();
        } catch (IOException e) {
            reportLoadProblem(file.path() + " could not be read (" + e + "); starting with no saved positions");
            return;
        }
        if (content.isEmpty()) {
            log.info("No registry at {}; starting with no saved positions", file.path());
            return;
        }
        DecodedRegistry decoded;
        try {
            decoded = RegistryFormat.decode(content.get());
        } catch (UnreadableRegistryException e) {
            setAside(e.getMessage());
            return;
        }
        decoded.problems().forEach(p -> reportLoadProblem(file.path() + ": " + p));
        registry.putAll(decoded.entries());
        log.info("Loaded {} saved position(s) from {}", decoded.entries().size(), file.path());
        if (decoded.version() != RegistryFormat.VERSION || !decoded.problems().isEmpty()) {
            // The file differs from what is in memory: rewrite it at the next flush.
            changes.incrementAndGet();
        }
        expire(clock.instant());
    }

    private void setAside(String reason) {
        try {
            Path aside = file.moveAside();
            reportLoadProblem(file.path() + " was corrupt (" + reason + ") and was moved aside to " + aside
                    + "; starting with no saved positions");
        } catch (IOException e) {
            reportLoadProblem(file.path() + " was corrupt (" + reason + ") and could not be moved aside (" + e
                    + "); starting with no saved positions");
        }
    }

    /** Removes entries not committed for a TTL, unless their input is still tailed. */
    private void expire(Instant now) {
        Instant cutoff = now.minus(ttl);
        for (Map.Entry<String, RegistryEntry> e : registry.entrySet()) {
            String identifier = e.getKey();
            // remove(key, value) so that a commit racing with this check is never lost.
            if (e.getValue().lastUpdated().isBefore(cutoff) && !tailed.contains(identifier)
                    && registry.remove(identifier, e.getValue())) {
                changes.incrementAndGet();
                log.debug("Registry entry {} expired (last updated {})", identifier, e.getValue().lastUpdated());
            }
        }
    }

    private void reportLoadProblem(String problem) {
        log.warn(problem);
        loadProblems.add(problem);
    }

    /** Warns once per distinct failure: the flusher retries every interval and would flood the log. */
    private void reportWriteProblem(String problem) {
        if (!problem.equals(writeProblem)) {
            log.warn(problem);
        }
        writeProblem = problem;
    }
}
