package dev.logsagent.logs.launchers.listener;

import dev.logsagent.config.Encoding;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.decoder.Decoder;
import dev.logsagent.logs.decoder.DecoderOptions;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.logs.syslog.SyslogParser;
import dev.logsagent.logs.tailers.SocketDecoders;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * A {@link ListenerLauncher} on 127.0.0.1 wired to an in-memory sink instead of pipelines, with the real decoders,
 * syslog parser and metrics. Sources listen on ports the system chooses.
 */
final class ListenerFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);

    final Sources sources = new Sources();
    final LogsMetrics metrics = new LogsMetrics(new PrometheusRegistry());
    final ConcurrentLinkedQueue<Message> received = new ConcurrentLinkedQueue<>();
    final ListenerLauncher launcher;

    /** @param options decoder settings of plain sources; syslog sources take their max message size */
    ListenerFixture(DecoderOptions options, Duration flushTick) {
        this(options, flushTick, null);
    }

    /** @param sinks the sink of each input; null = every input into {@link #received} */
    ListenerFixture(DecoderOptions options, Duration flushTick, Supplier<MessageSink> sinks) {
        this(options, flushTick, sinks, System::nanoTime);
    }

    /** @param nanoClock the clock of idle timeouts */
    ListenerFixture(DecoderOptions options, Duration flushTick, Supplier<MessageSink> sinks, LongSupplier nanoClock) {
        SocketDecoders decoders = new SocketDecoders(
                (source, input, start, tags, out) -> new Decoder(options.withEncoding(source.config().encoding()),
                        source, input, start, tags, out, metrics, System::nanoTime),
                new SyslogParser(Clock.system(ZoneOffset.UTC)), options.maxMessageSize(), metrics);
        launcher = new ListenerLauncher(sources, sinks == null ? () -> received::add : sinks, decoders, flushTick,
                nanoClock);
        launcher.start();
    }

    ListenerFixture() {
        this(DecoderOptions.defaults(), Duration.ofMillis(100));
    }

    static SourceConfig config(SourceType type, int port, String service, Map<String, Object> extra) {
        return new SourceConfig("net", "test", type, null, List.of(), Encoding.UTF_8, StartPosition.END, port,
                "127.0.0.1", service, "net-src", null, List.of(), List.of(), null, null, extra);
    }

    /** Adds a source listening on a port the system chooses. */
    LogSource add(SourceType type, Map<String, Object> extra) {
        return add(config(type, 0, null, extra));
    }

    LogSource add(SourceConfig config) {
        LogSource source = new LogSource("net", config);
        sources.add(source);
        return source;
    }

    int port(LogSource source) {
        return launcher.port(source).orElseThrow(() -> new AssertionError(source.status()));
    }

    List<String> contents() {
        List<String> out = new ArrayList<>();
        for (Message m : received) {
            out.add(m.contentAsString());
        }
        return out;
    }

    void awaitCount(int count) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> received.size() >= count);
    }

    /** True once the peer closed the connection: a read ends or the connection is reset. */
    static boolean closedByPeer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketException e) {
            return true;
        }
    }

    @Override
    public void close() {
        launcher.stop();
    }
}
