package dev.logsagent.logs.sender;

import dev.logsagent.config.SourceConfig;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.Origin;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.serializer.LogEncoder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Payloads for destination tests: hand-written JSON records, or logs encoded by the real batcher and encoder. */
public final class TestPayloads {
    private TestPayloads() {
    }

    /** A payload of the given JSON objects, framed as the batcher frames them ({@code [r0,r1,...]}). */
    public static Payload of(long sequence, String... records) {
        StringBuilder body = new StringBuilder("[");
        int[] starts = new int[records.length];
        int[] ends = new int[records.length];
        for (int i = 0; i < records.length; i++) {
            if (i > 0) {
                body.append(',');
            }
            starts[i] = body.toString().getBytes(StandardCharsets.UTF_8).length;
            body.append(records[i]);
            ends[i] = body.toString().getBytes(StandardCharsets.UTF_8).length;
        }
        byte[] bytes = body.append(']').toString().getBytes(StandardCharsets.UTF_8);
        return new Payload(sequence, bytes, bytes.length, starts, ends, records.length, bytes.length, List.of(),
                null, null);
    }

    /** A file source named after its {@code source} field, for {@link #encoded}. */
    public static LogSource source(String name) {
        return new LogSource(name, SourceConfig.file(name, Path.of("/var/log/" + name + ".log"), name + "-svc", name));
    }

    /**
     * {@code count} logs {@code <prefix>-<i>} encoded on host {@code hostname} by the real encoder and batcher, in
     * payloads of {@code perPayload}; log i comes from {@code sources[i % sources.length]}.
     */
    public static List<Payload> encoded(String hostname, String prefix, int count, int perPayload,
                                        LogSource... sources) throws InterruptedException {
        List<Payload> payloads = new ArrayList<>();
        BatchStrategy batch = new BatchStrategy(perPayload, 5_000_000, Duration.ofSeconds(5),
                new LogEncoder(hostname, List.of("env:test")), payloads::add, System::nanoTime);
        for (int i = 0; i < count; i++) {
            LogSource source = sources[i % sources.length];
            InputIdentity input = new InputIdentity("file:" + source.config().path(), "beginning");
            batch.add(Message.of(prefix + "-" + i, new Origin(source, input, i + 1)));
        }
        batch.flush();
        return payloads;
    }
}
