package dev.logsagent.logs.launchers.listener;

import dev.logsagent.config.SourceType;
import dev.logsagent.logs.launchers.Launcher;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.logs.tailers.PeerTags;
import dev.logsagent.logs.tailers.SocketDecoders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Listens for the {@code tcp} and {@code udp} sources: one socket per source, bound when the source is added and
 * closed when it is removed. A source that cannot listen (port taken, bad TLS files, bad settings) gets an error
 * status naming why; the others run. Logs read from sockets cannot be read again, so none of them is in the
 * registry.
 */
public final class ListenerLauncher implements Launcher, Sources.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerLauncher.class);
    /** How long stopping waits for connections to hand on what they read. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Sources sources;
    private final ListenerContext context;
    private final Map<LogSource, SocketListener> listeners = new HashMap<>();
    private boolean stopped;

    /**
     * @param sinks     the sink of each new input (a TCP connection, a UDP socket): a pipeline, round robin
     * @param flushTick how often idle connections flush waiting multi-line groups ({@code aggregation_timeout})
     * @param nanoClock time source for idle timeouts ({@code System::nanoTime} outside tests)
     */
    public ListenerLauncher(Sources sources, Supplier<? extends MessageSink> sinks, SocketDecoders decoders,
                            Duration flushTick, LongSupplier nanoClock) {
        this.sources = sources;
        this.context = new ListenerContext(sinks, decoders, new PeerTags(), flushTick, nanoClock);
    }

    @Override
    public void start() {
        sources.subscribe(SourceType.TCP, this);
        sources.subscribe(SourceType.UDP, this);
    }

    @Override
    public synchronized void added(LogSource source) {
        if (stopped || listeners.containsKey(source)) {
            return;
        }
        ListenerSettings settings;
        SocketListener listener;
        try {
            settings = ListenerSettings.of(source.config());
            listener = settings.type() == SourceType.TCP
                    ? new TcpListener(source, settings, settings.tls() == null ? null
                    : PemTlsContext.load(settings.tls()), context)
                    : new UdpListener(source, settings, context);
        } catch (IllegalArgumentException | IOException e) {
            refuse(source, e.getMessage());
            return;
        }
        try {
            listener.start();
        } catch (IOException | RuntimeException e) {
            refuse(source, "cannot listen on " + settings.address(settings.port()) + ": " + e.getMessage());
            return;
        }
        listeners.put(source, listener);
        source.addInput(settings.address(listener.port()));
        source.setOk();
        LOG.info("listening on {} for {}", settings.address(listener.port()), source.name());
    }

    private static void refuse(LogSource source, String reason) {
        source.setError(reason);
        LOG.error("{} source of {} not started: {}", source.config().type().key(), source.name(), reason);
    }

    @Override
    public void removed(LogSource source) {
        SocketListener listener;
        synchronized (this) {
            listener = listeners.remove(source);
        }
        if (listener != null) {
            listener.stop();
            source.inputs().forEach(source::removeInput);
            try {
                listener.awaitStopped(System.nanoTime() + STOP_TIMEOUT.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The port a source listens on, once it does: the one it asked for, or the one chosen for port 0. */
    public synchronized OptionalInt port(LogSource source) {
        SocketListener listener = listeners.get(source);
        return listener == null ? OptionalInt.empty() : OptionalInt.of(listener.port());
    }

    @Override
    public void stop() {
        List<SocketListener> all;
        synchronized (this) {
            stopped = true;
            all = new ArrayList<>(listeners.values());
            listeners.clear();
        }
        all.forEach(SocketListener::stop);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        try {
            for (SocketListener listener : all) {
                listener.awaitStopped(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
