package dev.logsagent.logs;

import dev.logsagent.config.AgentConfig;
import dev.logsagent.config.LogsConfig;
import dev.logsagent.logs.auditor.Auditor;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.launchers.InputTags;
import dev.logsagent.logs.launchers.Launcher;
import dev.logsagent.logs.launchers.file.BufferPools;
import dev.logsagent.logs.launchers.file.FileLauncher;
import dev.logsagent.logs.launchers.file.FileLauncherSettings;
import dev.logsagent.logs.launchers.journald.JournaldLauncher;
import dev.logsagent.logs.launchers.journald.JournaldLauncherSettings;
import dev.logsagent.logs.launchers.listener.ListenerLauncher;
import dev.logsagent.logs.message.Origin;
import dev.logsagent.logs.pipeline.Pipeline;
import dev.logsagent.logs.pipeline.PipelineProvider;
import dev.logsagent.logs.processor.Processor;
import dev.logsagent.logs.sender.BatchStrategy;
import dev.logsagent.logs.sender.Destination;
import dev.logsagent.logs.sender.DestinationStatus;
import dev.logsagent.logs.sender.DestinationsFactory;
import dev.logsagent.logs.sender.OffsetCommitter;
import dev.logsagent.logs.sender.PayloadBuffers;
import dev.logsagent.logs.sender.PayloadMemory;
import dev.logsagent.logs.sender.Sender;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.logs.syslog.SyslogParser;
import dev.logsagent.logs.tailers.SocketDecoders;
import dev.logsagent.serializer.LogEncoder;
import dev.logsagent.telemetry.LogsMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The logs agent: auditor, pipelines (processor, batcher, sender with its destinations) and launchers, started in
 * that order and stopped in reverse, so that on stop every log already read is flushed (within
 * {@code stop_grace_period}) and its offset saved.
 */
public final class LogsAgent {
    private static final Logger LOG = LoggerFactory.getLogger(LogsAgent.class);
    /**
     * Chunks queued per pipeline, and their bytes: with the batch and in-flight payloads, memory stays bounded.
     * A few read chunks are enough to keep the pipeline busy; more only lets queued logs outlive a young
     * collection and fill the old generation (a 4 MiB queue cost a full collection every ~100 MiB read).
     */
    private static final int QUEUE_CHUNKS = 1024;
    private static final int QUEUE_BYTES = 1 << 20;

    private final AgentConfig config;
    private final Sources sources;
    private final Auditor auditor;
    private final List<Pipeline> pipelines = new ArrayList<>();
    private final List<Sender> senders = new ArrayList<>();
    private final List<Destination> destinations = new ArrayList<>();
    private final List<Launcher> launchers = new ArrayList<>();
    private final List<String> endpoints = new ArrayList<>();
    private volatile boolean running;

    /** @param inputTags tags of each input beyond its source's, such as its container's ({@link InputTags#NONE}) */
    public LogsAgent(AgentConfig config, String hostname, Sources sources, LogsMetrics metrics,
                     StreamLogsBroker tap, String userAgent, InputTags inputTags) {
        this.config = config;
        this.sources = sources;
        LogsConfig logs = config.logsConfig();
        this.auditor = new Auditor(config.runPath(), logs.auditorTtl(), InstantSource.system(), Duration.ofSeconds(1));
        OffsetCommitter committer = this::commit;
        List<Destination> local = DestinationsFactory.local(config);
        destinations.addAll(local);
        for (int i = 0; i < logs.pipelines(); i++) {
            // Rule matchers are reused and not thread-safe: one processor per pipeline thread.
            Processor processor = new Processor(logs.processingRules(), metrics);
            DestinationsFactory.Destinations d = DestinationsFactory.create(config, metrics, userAgent, local);
            for (Destination dest : d.all()) {
                if (!local.contains(dest)) {
                    destinations.add(dest);
                }
            }
            PayloadBuffers payloadBuffers = new PayloadBuffers(logs.batchMaxConcurrentSend() + 1);
            Sender sender = new Sender(d.reliable(), d.unreliable(), logs.batchMaxConcurrentSend(), committer,
                    metrics, payloadBuffers, d.payloadCompression());
            senders.add(sender);
            BatchStrategy batch = new BatchStrategy(logs.batchMaxSize(), logs.batchMaxContentSize(), logs.batchWait(),
                    new LogEncoder(hostname, config.tags()), sender, System::nanoTime, payloadBuffers);
            pipelines.add(new Pipeline("pipeline-" + i, QUEUE_CHUNKS, QUEUE_BYTES, processor, batch, tap));
        }
        for (Destination d : destinations) {
            if (!endpoints.contains(d.name())) {
                endpoints.add(d.name());
            }
        }
        PipelineProvider provider = new PipelineProvider(pipelines);
        SourceDecoders decoders = new SourceDecoders(logs, metrics);
        BufferPools buffers = new BufferPools(4, 256 << 10);
        launchers.add(new FileLauncher(sources, new FileLauncherSettings(logs.openFilesLimit(), logs.fileScanPeriod(),
                logs.closeTimeout(), logs.fileWildcardSelectionMode()), auditor, provider, decoders, buffers, metrics,
                System::nanoTime, inputTags));
        launchers.add(new JournaldLauncher(sources, auditor, provider::forKey, metrics,
                JournaldLauncherSettings.system()));
        launchers.add(new ListenerLauncher(sources, provider::next, new SocketDecoders(decoders,
                new SyslogParser(Clock.systemDefaultZone()), logs.maxMessageSizeBytes(), metrics),
                logs.aggregationTimeout(), System::nanoTime));
    }

    private void commit(Origin checkpoint) {
        if (!checkpoint.input().superseded()) {
            auditor.commit(checkpoint.identifier(), checkpoint.registryOffset(),
                    checkpoint.input().tailingMode(), checkpoint.input().fingerprint());
        }
    }

    public void start() {
        auditor.start();
        pipelines.forEach(Pipeline::start);
        launchers.forEach(Launcher::start);
        running = true;
        LOG.info("logs agent started: {} pipelines, sending to {}", pipelines.size(), endpoints);
        PayloadMemory.warning(config.logsConfig(), Runtime.getRuntime().maxMemory()).ifPresent(LOG::warn);
    }

    /**
     * Stops reading, then lets the pipelines and senders deliver what was read until the grace period ends; what
     * is still in flight then is abandoned unacknowledged and read again after a restart.
     */
    public void stop() {
        running = false;
        long deadline = System.nanoTime() + config.logsConfig().stopGracePeriod().toNanos();
        launchers.forEach(Launcher::stop);
        try {
            boolean clean = true;
            for (Pipeline p : pipelines) {
                clean &= p.drain(deadline);
            }
            for (Sender s : senders) {
                clean &= s.awaitIdle(deadline);
            }
            if (!clean) {
                LOG.warn("stop_grace_period ({}) ran out: undelivered logs will be read again at the next start",
                        config.logsConfig().stopGracePeriod());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pipelines.forEach(Pipeline::abort);
        senders.forEach(Sender::abort);
        destinations.forEach(Destination::close);
        auditor.close();
        LOG.info("logs agent stopped");
    }

    public boolean isRunning() {
        return running;
    }

    public List<String> endpoints() {
        return List.copyOf(endpoints);
    }

    public List<DestinationStatus> destinationStatuses() {
        return destinations.stream().map(Destination::status).toList();
    }

    public List<String> problems() {
        return auditor.problems();
    }

    public Sources sources() {
        return sources;
    }
}
