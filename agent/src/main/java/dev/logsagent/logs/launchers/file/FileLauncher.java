package dev.logsagent.logs.launchers.file;


import dev.logsagent.config.SourceType;
import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.auditor.Auditor;
import dev.logsagent.logs.launchers.InputTags;
import dev.logsagent.logs.launchers.Launcher;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.pipeline.Pipeline;
import dev.logsagent.logs.pipeline.PipelineProvider;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.logs.tailers.DecoderProvider;
import dev.logsagent.logs.tailers.FileTailer;
import dev.logsagent.logs.tailers.TailerWakeups;
import dev.logsagent.telemetry.LogsMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Finds the files of every {@code type: file} source and keeps one {@link FileTailer} per file: it expands globs
 * every {@code file_scan_period}, starts tailers where the registry or {@code start_position} says, detects
 * rotation (another file at the path), replacement (same inode, other content) and deletion, and keeps at most
 * {@code open_files_limit} files open, rotating idle ones out fairly when more match.
 *
 * <p>Container logs are files too: {@code docker} (json-file) and {@code containerd} (CRI) sources are tailed the
 * same way from their path, which autodiscovery sets from the container (and then reads the log from its start
 * when the registry has no position for it). When such a source is removed (its container stopped) its files are
 * read to their end, like a rotated file, instead of being dropped; should the same file get a source again
 * meanwhile, reading goes on where the draining tailer was.
 */
public final class FileLauncher implements Launcher, Sources.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(FileLauncher.class);

    private final Sources sources;
    private final FileLauncherSettings settings;
    private final Auditor auditor;
    private final PipelineProvider pipelines;
    private final DecoderProvider decoders;
    private final BufferPools buffers;
    private final LogsMetrics metrics;
    private final LongSupplier nanoClock;
    private final InputTags inputTags;
    private final TailerWakeups wakeups;
    private final Set<LogSource> fileSources = ConcurrentHashMap.newKeySet();
    private final Map<Path, TailedFile> tailed = new HashMap<>();
    private final List<FileTailer> draining = new ArrayList<>();
    private final Map<Path, Long> lastTailedNanos = new HashMap<>();
    private final Map<Path, StartOffset.Resume> resumeOffsets = new HashMap<>();
    /** Files still read to their end after their container source was removed. */
    private final Map<Path, TailedFile> sourceGone = new HashMap<>();
    private final Object lock = new Object();
    /** Sources whose files have been looked at once: files that appear later are new and read from the start. */
    private final Set<LogSource> scannedSources = ConcurrentHashMap.newKeySet();
    /** Files that were there when their source was first scanned and were not tailed yet: start_position applies. */
    private final Set<Path> preexisting = new HashSet<>();
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean stopped;
    private Thread scanner;

    private record TailedFile(FileTailer tailer, LogSource source, Object fileKey) {
    }


    /** @param inputTags tags of each file beyond its source's, such as its container's; asked once per tailer */
    public FileLauncher(Sources sources, FileLauncherSettings settings, Auditor auditor, PipelineProvider pipelines,
                        DecoderProvider decoders, BufferPools buffers, LogsMetrics metrics, LongSupplier nanoClock,
                        InputTags inputTags) {
        this(sources, settings, auditor, pipelines, decoders, buffers, metrics, nanoClock, inputTags,
                TailerWakeups.create(TailerWakeups.TICK, TailerWakeups.TURN_TICKS));
    }

    /** @param wakeups when caught-up tailers read again; started and closed with the launcher */
    FileLauncher(Sources sources, FileLauncherSettings settings, Auditor auditor, PipelineProvider pipelines,
                 DecoderProvider decoders, BufferPools buffers, LogsMetrics metrics, LongSupplier nanoClock,
                 InputTags inputTags, TailerWakeups wakeups) {
        this.sources = sources;
        this.settings = settings;
        this.auditor = auditor;
        this.pipelines = pipelines;
        this.decoders = decoders;
        this.buffers = buffers;
        this.metrics = metrics;
        this.nanoClock = nanoClock;
        this.inputTags = inputTags;
        this.wakeups = wakeups;
    }

    @Override
    public void start() {
        for (SourceType type : List.of(SourceType.FILE, SourceType.DOCKER, SourceType.CONTAINERD)) {
            sources.subscribe(type, this);
        }
        wakeups.start();
        scanner = Thread.ofVirtual().name("file-launcher").start(this::scanLoop);
    }

    @Override
    public void added(LogSource source) {
        fileSources.add(source);
        wakeUp.release();
    }

    @Override
    public void removed(LogSource source) {
        fileSources.remove(source);
        scannedSources.remove(source);
        wakeUp.release();
    }

    private void scanLoop() {
        while (!stopped) {
            try {
                scan();
            } catch (RuntimeException e) {
                LOG.error("file scan failed", e);
            }
            try {
                // A new source is scanned at once; otherwise every scan period.
                if (wakeUp.tryAcquire(settings.scanPeriod().toNanos(), TimeUnit.NANOSECONDS)) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One pass: expand globs, select files, start and stop tailers, look for rotations. Also called by tests. */
    public void scan() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            Map<Path, LogSource> matched = SourceFiles.match(fileSources);
            checkTailedFiles(matched);
            List<Path> toStart = selectFilesToStart(matched);
            for (var e : matched.entrySet()) {
                if (!scannedSources.contains(e.getValue())) {
                    preexisting.add(e.getKey());
                }
            }
            scannedSources.addAll(fileSources);
            for (Path p : toStart) {
                startTailer(p, matched.get(p), preexisting.remove(p));
            }
            reportLimits(matched);
            draining.removeIf(t -> !t.isAlive());
            sourceGone.values().removeIf(tf -> !tf.tailer().isAlive());
        }
    }

    private void checkTailedFiles(Map<Path, LogSource> matched) {
        for (var it = tailed.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            Path path = entry.getKey();
            TailedFile tf = entry.getValue();
            if (!tf.tailer().isAlive()) {
                finish(path, tf);
                it.remove();
                continue;
            }
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                LOG.info("{} was deleted: reading what is left", path);
                retire(path, tf);
                it.remove();
                continue;
            } catch (IOException e) {
                continue;
            }
            boolean rotated = tf.fileKey() != null && !tf.fileKey().equals(attrs.fileKey());
            if (!rotated && replacedInPlace(tf)) {
                rotated = true;
            }
            if (rotated) {
                LOG.info("{} was rotated: reading the rest of the old file, starting the new one", path);
                retire(path, tf);
                it.remove();
                if (matched.containsKey(path)) {
                    startTailer(path, matched.get(path), false);
                }
            } else if (!matched.containsKey(path)) {
                if (isContainerLog(tf.source()) && !fileSources.contains(tf.source())) {
                    // The container stopped: its last lines are still to be read, and the file no longer grows.
                    retire(path, tf);
                    sourceGone.put(path, tf);
                } else {
                    tf.tailer().stop();
                    finish(path, tf);
                }
                it.remove();
            }
        }
    }

    private boolean replacedInPlace(TailedFile tf) {
        try {
            return FileFingerprint.replacedInPlace(tf.tailer());
        } catch (IOException e) {
            LOG.debug("fingerprint of {}: {}", tf.tailer().path(), e.toString());
            return false;
        }
    }

    private void retire(Path path, TailedFile tf) {
        tf.tailer().drain();
        draining.add(tf.tailer());
        finish(path, tf);
    }

    private void finish(Path path, TailedFile tf) {
        tf.source().removeInput(path.toString());
        auditor.unmarkTailed(tf.tailer().identity().identifier());
        lastTailedNanos.put(path, nanoClock.getAsLong());
    }

    /**
     * Files to start now. Under the limit, every matched file not tailed yet. Over it, free slots go to the files
     * waiting longest, and caught-up tailers are closed to make room, so every file gets its turn.
     */
    private List<Path> selectFilesToStart(Map<Path, LogSource> matched) {
        List<Path> waiting = new ArrayList<>();
        for (Path p : matched.keySet()) {
            if (!tailed.containsKey(p)) {
                waiting.add(p);
            }
        }
        if (waiting.isEmpty()) {
            return waiting;
        }
        WaitingFiles.sort(waiting, settings.selectionMode(), lastTailedNanos);
        int free = settings.openFilesLimit() - tailed.size();
        if (waiting.size() > free && !scannedSources.isEmpty()) {
            List<Map.Entry<Path, TailedFile>> idle = new ArrayList<>();
            for (var e : tailed.entrySet()) {
                if (e.getValue().tailer().atEnd()) {
                    idle.add(e);
                }
            }
            idle.sort((a, b) -> Long.compare(a.getValue().tailer().startedNanos(),
                    b.getValue().tailer().startedNanos()));
            int toEvict = Math.min(idle.size(), waiting.size() - Math.max(free, 0));
            for (int i = 0; i < toEvict; i++) {
                var e = idle.get(i);
                evict(e.getKey(), e.getValue());
            }
            free = settings.openFilesLimit() - tailed.size();
        }
        return waiting.subList(0, Math.max(0, Math.min(free, waiting.size())));
    }

    /**
     * A source autodiscovery made for a container (it has the service's identifier) wants the container's whole
     * log, as in the Datadog Agent: its file already exists when the source comes, yet its lines are all new.
     */
    private static StartPosition startPosition(LogSource source) {
        StartPosition configured = source.config().startPosition();
        return source.config().identifier() != null && configured == StartPosition.END
                ? StartPosition.BEGINNING : configured;
    }

    private static boolean isContainerLog(LogSource source) {
        return source.config().type() == SourceType.DOCKER || source.config().type() == SourceType.CONTAINERD;
    }

    /** Closes a caught-up file to make room, remembering where to resume so nothing is sent twice. */
    private void evict(Path path, TailedFile tf) {
        StartOffset.Resume resume = stopAndRemember(tf.tailer());
        if (resume != null) {
            resumeOffsets.put(path, resume);
        }
        finish(path, tf);
        tailed.remove(path);
    }

    /** Stops a tailer; where the next one should resume, or null when it did not stop in time. */
    private static StartOffset.Resume stopAndRemember(FileTailer t) {
        t.stop();
        try {
            t.awaitStopped(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return t.isAlive() ? null : new StartOffset.Resume(t.resumeOffset(), t.identity().fingerprint());
    }

    /**
     * Where to start a file that has just been drained for a removed source: where that tailer got to, if it is
     * the same file. It goes on as the same input, so its offsets stay valid.
     */
    private StartOffset.Resume takeOverDrained(Path path, Object fileKey) {
        TailedFile gone = sourceGone.remove(path);
        if (gone == null || !Objects.equals(gone.fileKey(), fileKey)) {
            return null;
        }
        draining.remove(gone.tailer());
        return stopAndRemember(gone.tailer());
    }

    private void reportLimits(Map<Path, LogSource> matched) {
        Map<LogSource, int[]> counts = new HashMap<>();
        for (var e : matched.entrySet()) {
            int[] c = counts.computeIfAbsent(e.getValue(), s -> new int[2]);
            c[1]++;
            if (tailed.containsKey(e.getKey())) {
                c[0]++;
            }
        }
        boolean over = matched.size() > settings.openFilesLimit();
        for (LogSource s : fileSources) {
            int[] c = counts.getOrDefault(s, new int[2]);
            s.setInfo("files", over ? c[0] + " files tailed out of " + c[1] + " files matching"
                    : c[0] + " files tailed");
        }
        if (over) {
            LOG.warn("{} files match the file sources but open_files_limit is {}: rotating between them",
                    matched.size(), settings.openFilesLimit());
        }
    }

    private void startTailer(Path path, LogSource source, boolean preexisting) {
        String identifier = "file:" + path;
        FileChannel channel;
        Object fileKey;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            source.addMessage("cannot open " + path + ": " + e.getMessage());
            LOG.warn("cannot open {}: {}", path, e.toString());
            return;
        }
        try {
            StartPosition mode = startPosition(source);
            StartOffset.Resume drained = takeOverDrained(path, fileKey);
            long offset = StartOffset.of(channel, mode, preexisting,
                    drained != null ? drained : resumeOffsets.remove(path), auditor.get(identifier).orElse(null));
            InputIdentity identity = new InputIdentity(identifier, mode.key());
            identity.setFingerprint(FileFingerprint.compute(channel));
            Pipeline pipeline = pipelines.forKey(identifier);
            List<String> tags = new ArrayList<>(List.of("filename:" + path.getFileName(),
                    "dirname:" + path.getParent()));
            tags.addAll(inputTags.of(source, path));
            List<String> inputTagList = List.copyOf(tags);
            FileTailer tailer = new FileTailer(path, source, channel, identity, offset, buffers.of(pipeline),
                    (id, start, out) -> decoders.create(source, id, start, inputTagList, out), pipeline,
                    this::truncated, metrics, settings.closeTimeout(), nanoClock, wakeups);
            supersedeDraining(identifier);
            tailed.put(path, new TailedFile(tailer, source, fileKey));
            auditor.markTailed(identifier);
            source.addInput(path.toString());
            tailer.start();
            LOG.debug("tailing {} from offset {}", path, offset);
        } catch (IOException e) {
            source.addMessage("cannot read " + path + ": " + e.getMessage());
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing more to do with a file we cannot read.
            }
        }
    }

    private InputIdentity truncated(InputIdentity old) {
        old.supersede();
        return new InputIdentity(old.identifier(), old.tailingMode());
    }

    /** The new file at a path owns its registry key: a rotated predecessor still draining no longer moves it. */
    private void supersedeDraining(String identifier) {
        for (FileTailer t : draining) {
            if (t.identity().identifier().equals(identifier)) {
                t.identity().supersede();
            }
        }
    }

    /** Whether every tailed file has been read to its end (tests wait for it before they write more). */
    boolean allCaughtUp() {
        synchronized (lock) {
            return tailed.values().stream().allMatch(tf -> tf.tailer().atEnd());
        }
    }

    /** Number of files tailed now, rotated ones still draining excluded. */
    public int tailedCount() {
        synchronized (lock) {
            return tailed.size();
        }
    }

    @Override
    public void stop() {
        List<FileTailer> all = new ArrayList<>();
        synchronized (lock) {
            stopped = true;
            if (scanner != null) {
                scanner.interrupt();
            }
            for (TailedFile tf : tailed.values()) {
                all.add(tf.tailer());
            }
            all.addAll(draining);
            tailed.clear();
            draining.clear();
            sourceGone.clear();
        }
        for (FileTailer t : all) {
            t.stop();
        }
        try {
            for (FileTailer t : all) {
                t.awaitStopped(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            wakeups.close();
        }
    }
}
