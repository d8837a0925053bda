package dev.logsagent.logs.tailers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * When caught-up file tailers read again. One thread ticks (every 50 ms in the agent) and, on each tick, wakes the
 * waiting tailers that are due, and those waiting for a change whose file the {@link DirectoryWatch} saw written.
 * Tailers thus wake in small groups a few times a second instead of each on its own timer: a thousand files cost
 * a few thread switches per tick, not one per file and poll.
 *
 * <p>Each tailer has a turn every {@code turnTicks} ticks (250 ms in the agent), at its own phase, so a thousand
 * files being written are read in five groups spread over the turn rather than all at once (the pipelines and the
 * intake see a steady stream, not bursts). A file being written is read once per turn; an idle file in a watched
 * directory is read at the first tick after it is written (or after its tailer's safety timeout); a file in a
 * directory that cannot be watched is polled at its turns.
 *
 * <p>A directory is watched only while one of its tailers waits for a change, and for a second after: every
 * write to a watched directory costs the watch service a wakeup, which is wasted on files that are read at every
 * turn anyway.
 */
public final class TailerWakeups implements AutoCloseable {
    /** The agent's tick: how soon an idle file that is written is read. */
    public static final Duration TICK = Duration.ofMillis(50);
    /** The agent's turn, in ticks: a file being written is read four times a second. */
    public static final int TURN_TICKS = 5;
    /** How long, in ticks, a directory stays watched once none of its tailers waits for a change (1 s). */
    static final int UNWATCH_TICKS = 20;

    private final long tickNanos;
    private final int turnTicks;
    private final DirectoryWatch watch;
    /** The waiters of each directory, by file name. Guarded by {@code this}. */
    private final Map<Path, Directory> directories = new HashMap<>();
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final DirectoryWatch.Events events = new WatchEvents();
    /** Spreads the tailers' phases over the turn. Guarded by {@code this}. */
    private int registrations;
    private volatile long ticks;
    private volatile boolean closed;
    private Thread ticker;

    /**
     * A directory of tailed files. Changed under the wakeups' lock, except {@code lastWaitTick}; the volatile fields
     * are also read without it.
     */
    private static final class Directory {
        final Path path;
        final Map<Path, List<Waiter>> byName = new HashMap<>();
        /** False once it could not be watched, or the watch was lost: its files are polled. */
        volatile boolean watchable;
        boolean watching;
        /** Counts the times the watch started or stopped: tells a tailer whether it was on since its last read. */
        volatile int generation;
        /** The last tick at which one of its tailers waited for a change. */
        volatile long lastWaitTick;

        Directory(Path path, boolean watchable) {
            this.path = path;
            this.watchable = watchable;
        }
    }

    TailerWakeups(Duration tick, int turnTicks, DirectoryWatch watch) {
        this.tickNanos = tick.toNanos();
        this.turnTicks = turnTicks;
        this.watch = watch;
    }

    /** Wakeups that watch directories where they can (inotify on Linux) and poll the rest. */
    public static TailerWakeups create(Duration tick, int turnTicks) {
        return new TailerWakeups(tick, turnTicks, DirectoryWatch.open());
    }

    /** Wakeups that watch nothing: every tailer polls. */
    public static TailerWakeups polling(Duration tick, int turnTicks) {
        return new TailerWakeups(tick, turnTicks, DirectoryWatch.none());
    }

    /** Starts ticking. */
    public synchronized void start() {
        if (ticker == null && !closed) {
            ticker = Thread.ofPlatform().daemon().name("file-tailer-ticks").start(this::tickLoop);
        }
    }

    /**
     * A waiter for the file at {@code path}. A symbolic link is followed, since writes to its target are announced
     * in the target's directory.
     */
    public Waiter register(Path path) {
        Path file;
        try {
            file = path.toRealPath();
        } catch (IOException e) {
            file = path.toAbsolutePath();
        }
        Path dir = file.getParent();
        Path name = file.getFileName();
        Waiter w;
        synchronized (this) {
            Directory d = directories.computeIfAbsent(dir,
                    p -> new Directory(p, p != null && name != null && watch.available()));
            w = new Waiter(d, name, registrations++ % turnTicks);
            d.byName.computeIfAbsent(name, n -> new ArrayList<>(1)).add(w);
        }
        waiters.add(w);
        return w;
    }

    private synchronized void unregister(Waiter w) {
        waiters.remove(w);
        Directory d = w.directory;
        List<Waiter> same = d.byName.get(w.name);
        if (same != null && same.remove(w) && same.isEmpty()) {
            d.byName.remove(w.name);
        }
        if (d.byName.isEmpty() && directories.get(d.path) == d) {
            directories.remove(d.path);
            if (d.watching) {
                watch.remove(d.path);
                d.watching = false;
                d.generation++;
            }
        }
    }

    /** Makes sure the directory is watched before a tailer waits for a change in it, if it can be. */
    private synchronized void ensureWatched(Directory d) {
        d.lastWaitTick = ticks;
        if (d.watching || !d.watchable) {
            return;
        }
        if (closed || directories.get(d.path) != d || !watch.add(d.path)) {
            d.watchable = false;
            return;
        }
        d.watching = true;
        d.generation++;
    }

    private void tickLoop() {
        long next = System.nanoTime();
        while (!closed) {
            next += tickNanos;
            long wait;
            while ((wait = next - System.nanoTime()) > 0 && !closed) {
                LockSupport.parkNanos(this, wait);
            }
            if (-wait > tickNanos) {
                // A late tick (a stalled box) is not made up for with a burst of ticks.
                next = System.nanoTime();
            }
            tick();
        }
    }

    /**
     * One tick: takes in what the watch saw, wakes the waiters that are due or whose file changed, and stops
     * watching directories where nobody waited for a change for a while.
     */
    void tick() {
        long now = ++ticks;
        synchronized (this) {
            watch.drain(events);
        }
        for (Waiter w : waiters) {
            if (!w.waiting) {
                continue;
            }
            if (w.wakeOnChange) {
                w.directory.lastWaitTick = now;
            }
            if ((w.wakeOnChange && w.changed) || now >= w.dueTick) {
                w.waiting = false;
                LockSupport.unpark(w.thread);
            }
        }
        if (now % turnTicks == 0) {
            unwatchUnused(now);
        }
    }

    private synchronized void unwatchUnused(long now) {
        for (Directory d : directories.values()) {
            if (d.watching && now - d.lastWaitTick > UNWATCH_TICKS) {
                watch.remove(d.path);
                d.watching = false;
                d.generation++;
            }
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = ticker;
            watch.close();
        }
        if (t != null) {
            LockSupport.unpark(t);
        }
        for (Waiter w : waiters) {
            if (w.waiting) {
                w.waiting = false;
                LockSupport.unpark(w.thread);
            }
        }
    }

    /** Guarded by the wakeups' lock: called from {@link #tick} while it holds it. */
    private final class WatchEvents implements DirectoryWatch.Events {
        @Override
        public void modified(Path dir, Path name) {
            Directory d = directories.get(dir);
            List<Waiter> same = d == null ? null : d.byName.get(name);
            if (same != null) {
                for (Waiter w : same) {
                    w.changed = true;
                }
            }
        }

        @Override
        public void overflowed(Path dir) {
            Directory d = directories.get(dir);
            if (d != null) {
                for (List<Waiter> same : d.byName.values()) {
                    for (Waiter w : same) {
                        w.changed = true;
                    }
                }
            }
        }

        @Override
        public void lost(Path dir) {
            Directory d = directories.get(dir);
            if (d != null) {
                d.watchable = false;
                d.watching = false;
                d.generation++;
                overflowed(dir);
            }
        }
    }

    /** One tailer's way to wait: its file, whether writes to it are announced, whether it changed since read. */
    public final class Waiter implements AutoCloseable {
        private final Directory directory;
        private final Path name;
        private final int phase;
        private volatile boolean trusted = true;
        private volatile boolean changed;
        private volatile boolean waiting;
        private volatile boolean wakeOnChange;
        private volatile long dueTick;
        private volatile Thread thread;
        /** The directory's watch generation in force since the last wait ended (before the last read), or -1. */
        private int seenGeneration = -1;

        private Waiter(Directory directory, Path name, int phase) {
            this.directory = directory;
            this.name = name;
            this.phase = phase;
        }

        /** True while writes to the file can be announced; false: it must be polled. */
        public boolean watched() {
            return trusted && directory.watchable;
        }

        /** Announcements are no longer trusted for this file (a poll found data no event announced). */
        public void stopTrusting() {
            trusted = false;
        }

        /** True from the moment the tailer waits until a tick (or the closing of the wakeups) releases it. */
        boolean isWaiting() {
            return waiting;
        }

        /** Waits for the tailer's next turn, whatever is announced meanwhile. */
        public void awaitTurn() throws InterruptedException {
            await(1, false);
        }

        /**
         * Waits until a tick at which the file is known to have changed since the last wait, or until the tailer's
         * turn {@code turns} turns from now. Returns at once, as if it had changed, when the directory's watch was
         * not on all along since the last wait: what was written meanwhile may not have been announced, so the
         * file must be read again first.
         *
         * @return true when woken by a change, false when the time was up
         */
        public boolean awaitChange(int turns) throws InterruptedException {
            if (watched()) {
                ensureWatched(directory);
                int current = directory.generation;
                if (directory.watchable && seenGeneration != current) {
                    seenGeneration = current;
                    changed = false;
                    return true;
                }
            }
            return await(turns, true);
        }

        private boolean await(int turns, boolean onChange) throws InterruptedException {
            int n = Math.max(1, turns);
            if (closed) {
                // Nothing ticks any more: a tailer that outlives the wakeups sleeps instead.
                Thread.sleep(Duration.ofNanos(tickNanos * turnTicks * n));
                return false;
            }
            thread = Thread.currentThread();
            long next = TailerWakeups.this.ticks + 1;
            dueTick = next + Math.floorMod(phase - next, turnTicks) + (long) (n - 1) * turnTicks;
            wakeOnChange = onChange;
            waiting = true;
            while (waiting) {
                if (closed) {
                    waiting = false;
                    break;
                }
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    waiting = false;
                    throw new InterruptedException();
                }
            }
            seenGeneration = directory.generation;
            boolean wasChanged = changed;
            // The read that follows sees every write announced so far.
            changed = false;
            return wasChanged;
        }

        /** No more waits. */
        @Override
        public void close() {
            unregister(this);
        }
    }
}
