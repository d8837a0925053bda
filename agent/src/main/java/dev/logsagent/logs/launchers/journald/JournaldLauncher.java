package dev.logsagent.logs.launchers.journald;

import dev.logsagent.config.SourceType;
import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.auditor.Auditor;
import dev.logsagent.logs.auditor.RegistryEntry;
import dev.logsagent.logs.launchers.Launcher;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.logs.tailers.JournaldTailer;
import dev.logsagent.telemetry.LogsMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Starts one {@link JournaldTailer} per {@code type: journald} source, from the cursor saved in the registry or
 * where {@code start_position} says, and stops it when the source goes away. Two sources cannot read the same
 * journal: they would share one registry entry, so the second is refused, as the Datadog Agent does.
 */
public final class JournaldLauncher implements Launcher, Sources.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(JournaldLauncher.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Sources sources;
    private final Auditor auditor;
    private final Function<String, MessageSink> sinks;
    private final LogsMetrics metrics;
    private final JournaldLauncherSettings settings;
    private final Map<LogSource, JournaldTailer> tailers = new HashMap<>();
    private final Map<String, LogSource> readers = new HashMap<>();
    private boolean stopped;

    /** @param sinks the pipeline of an input, by registry key: one journal keeps one pipeline, so its order */
    public JournaldLauncher(Sources sources, Auditor auditor, Function<String, MessageSink> sinks, LogsMetrics metrics,
                            JournaldLauncherSettings settings) {
        this.sources = sources;
        this.auditor = auditor;
        this.sinks = sinks;
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    public void start() {
        sources.subscribe(SourceType.JOURNALD, this);
    }

    @Override
    public synchronized void added(LogSource source) {
        if (stopped) {
            return;
        }
        JournaldSourceConfig config;
        try {
            config = JournaldSourceConfig.of(source.config());
        } catch (IllegalArgumentException e) {
            source.setError(e.getMessage());
            LOG.warn("journald source {} of {}: {}", source.name(), source.config().origin(), e.getMessage());
            return;
        }
        String identifier = config.identifier();
        LogSource reader = readers.get(identifier);
        if (reader != null) {
            String why = "journal " + identifier + " is already read by source " + reader.name() + " ("
                    + reader.config().origin() + "); a journal can be read by one source only";
            source.setError(why);
            LOG.warn("journald source {} of {}: {}", source.name(), source.config().origin(), why);
            return;
        }
        StartPosition mode = source.config().startPosition();
        String saved = auditor.get(identifier).map(RegistryEntry::offset).orElse(null);
        JournaldTailer tailer = new JournaldTailer(source, new InputIdentity(identifier, mode.key()),
                new JournalctlCommand(settings.journalctl(), config, settings.localMachineId()),
                JournalExclusions.of(config), startPosition(mode, saved), startPosition(mode, null),
                sinks.apply(identifier), settings.restartBackoff(), metrics);
        readers.put(identifier, source);
        tailers.put(source, tailer);
        auditor.markTailed(identifier);
        source.addInput(identifier);
        source.setOk();
        tailer.start();
        LOG.info("reading journal {} from {}", identifier, saved != null && !mode.key().startsWith("force")
                ? "the saved cursor" : "its " + mode.key());
    }

    @Override
    public synchronized void removed(LogSource source) {
        JournaldTailer tailer = tailers.remove(source);
        if (tailer != null) {
            finish(source, tailer);
        }
    }

    /**
     * Where a journal is read from: the saved cursor unless {@code start_position} is forced, else its beginning or
     * its end.
     *
     * @param savedCursor the cursor in the registry, or null
     */
    static JournalPosition startPosition(StartPosition mode, String savedCursor) {
        boolean useSaved = savedCursor != null && !savedCursor.isBlank()
                && mode != StartPosition.FORCE_BEGINNING && mode != StartPosition.FORCE_END;
        if (useSaved) {
            return JournalPosition.afterCursor(savedCursor);
        }
        return mode == StartPosition.BEGINNING || mode == StartPosition.FORCE_BEGINNING
                ? JournalPosition.beginning() : JournalPosition.end();
    }

    @Override
    public void stop() {
        List<Map.Entry<LogSource, JournaldTailer>> running;
        synchronized (this) {
            stopped = true;
            running = new ArrayList<>(tailers.entrySet());
            tailers.clear();
        }
        running.forEach(e -> e.getValue().stop());
        running.forEach(e -> finish(e.getKey(), e.getValue()));
    }

    private void finish(LogSource source, JournaldTailer tailer) {
        tailer.stop();
        try {
            tailer.awaitStopped(STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String identifier = tailer.identity().identifier();
        synchronized (this) {
            readers.remove(identifier, source);
        }
        auditor.unmarkTailed(identifier);
        source.removeInput(identifier);
    }
}
