package dev.logsagent.logs.decoder;

import dev.logsagent.config.SourceConfig;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A decoder wired to a list of the messages it emits, a manual clock and its own metrics. */
final class DecoderFixture {
    static final String IDENTIFIER = "file:/var/log/app.log";
    static final List<String> TAGS = List.of("filename:app.log", "dirname:/var/log");

    final List<Message> messages = new ArrayList<>();
    final LogsMetrics metrics = new LogsMetrics(new PrometheusRegistry());
    final LogSource source = new LogSource("app", SourceConfig.file("app", Path.of("/var/log/app.log"), "svc", "java"));
    final Decoder decoder;
    private long nanos = 1_000_000_000L;

    DecoderFixture(DecoderOptions options) {
        this(options, 0);
    }

    DecoderFixture(DecoderOptions options, long startOffset) {
        decoder = new Decoder(options, source, new InputIdentity(IDENTIFIER, "end"), startOffset, TAGS, messages::add, metrics, () -> nanos);
    }

    DecoderFixture feed(String text) throws InterruptedException {
        return feed(text.getBytes(StandardCharsets.UTF_8));
    }

    DecoderFixture feed(byte[] bytes) throws InterruptedException {
        decoder.decode(bytes, 0, bytes.length);
        return this;
    }

    /** Feeds the bytes in chunks of {@code chunk} bytes, through an offset into a larger array as a tailer would. */
    DecoderFixture feedInChunks(byte[] bytes, int chunk) throws InterruptedException {
        byte[] buffer = new byte[chunk + 7];
        for (int pos = 0; pos < bytes.length; pos += chunk) {
            int n = Math.min(chunk, bytes.length - pos);
            System.arraycopy(bytes, pos, buffer, 3, n);
            decoder.decode(buffer, 3, n);
        }
        return this;
    }

    void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    List<String> contents() {
        return messages.stream().map(Message::contentAsString).toList();
    }

    List<Long> offsets() {
        return messages.stream().map(m -> m.origin().offset()).toList();
    }

    List<Integer> rawSizes() {
        return messages.stream().map(Message::rawSize).toList();
    }

    long decodedCount() {
        return (long) metrics.logsDecoded.get();
    }

    long truncatedCount() {
        return (long) metrics.logsTruncated.get();
    }

    static byte[] resource(String name) {
        try (InputStream in = DecoderFixture.class.getResourceAsStream("/decoder/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource decoder/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resourceText(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }
}
