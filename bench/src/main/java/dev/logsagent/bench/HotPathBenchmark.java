package dev.logsagent.bench;

import dev.logsagent.config.ProcessingRuleConfig;
import dev.logsagent.config.ProcessingRuleType;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.logs.decoder.Decoder;
import dev.logsagent.logs.decoder.DecoderOptions;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.processor.Processor;
import dev.logsagent.logs.sender.BatchStrategy;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.serializer.Compression;
import dev.logsagent.serializer.GrowableBuffer;
import dev.logsagent.serializer.LogEncoder;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The hot path, stage by stage and whole: framing (decoder), processing rules, JSON encoding into batches, zstd.
 * Each invocation handles one 4 MiB chunk of realistic log lines, so ops/s × 4 = MiB/s.
 *
 * <pre>java -jar bench/target/benchmarks.jar HotPath -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-XX:+UseSerialGC"})
public class HotPathBenchmark {
    static final int CHUNK = 4 << 20;

    @Param({"none", "mask"})
    public String rules;

    private byte[] chunk;
    private LogSource source;
    private LogsMetrics metrics;
    private Processor processor;
    private LogEncoder encoder;
    private Compression zstd;
    private final GrowableBuffer encoded = new GrowableBuffer(1 << 20);
    private List<Message> decoded;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        chunk = SampleLogs.generate(CHUNK);
        List<ProcessingRuleConfig> ruleConfigs = rules.equals("mask")
                ? List.of(new ProcessingRuleConfig(ProcessingRuleType.EXCLUDE_AT_MATCH, "no_health", "GET /healthz", null),
                new ProcessingRuleConfig(ProcessingRuleType.MASK_SEQUENCES, "emails", "user\\d+@example\\.com",
                        "[email]"))
                : List.of();
        source = new LogSource("bench", SourceConfig.file("bench", Path.of("/var/log/bench.log"), "bench", "bench"));
        metrics = new LogsMetrics(new PrometheusRegistry());
        processor = new Processor(ruleConfigs, metrics);
        encoder = new LogEncoder("bench-host", List.of("env:bench"));
        zstd = Compression.zstd(1);
        java.util.ArrayList<Message> all = new java.util.ArrayList<>();
        decoder(all::add).decode(chunk, 0, chunk.length);
        decoded = all;
    }

    private Decoder decoder(MessageSink sink) {
        return new Decoder(DecoderOptions.defaults(), source, new InputIdentity("file:/var/log/bench.log", "beginning"),
                0, List.of("filename:bench.log", "dirname:/var/log"), sink, metrics, System::nanoTime);
    }

    /** Newline framing, trimming and copying each line out: the decoder alone. */
    @Benchmark
    public void framing(Blackhole bh) throws InterruptedException {
        decoder(bh::consume).decode(chunk, 0, chunk.length);
    }

    /** Processing rules over already decoded messages (a copy, since masking rewrites content). */
    @Benchmark
    public void rules(Blackhole bh) {
        for (Message m : decoded) {
            Message copy = new Message(m.content(), m.origin(), m.rawSize());
            bh.consume(processor.process(copy));
        }
    }

    /** JSON encoding of every message into a reused buffer. */
    @Benchmark
    public int encoding() {
        encoded.reset();
        for (Message m : decoded) {
            encoder.encode(m, encoded);
        }
        return encoded.length();
    }

    /** zstd level 1 of one chunk's worth of encoded JSON. */
    @Benchmark
    public byte[] zstd() {
        return zstd.compress(chunk, 0, chunk.length);
    }

    /** The whole hot path: decode → rules → batch encoding → zstd of each full payload. */
    @Benchmark
    public void endToEnd(Blackhole bh) throws InterruptedException {
        BatchStrategy batch = new BatchStrategy(1000, 5_000_000, Duration.ofSeconds(5), encoder,
                p -> bh.consume(zstd.compress(p.body(), 0, p.length())), System::nanoTime);
        Decoder d = decoder(m -> {
            if (processor.process(m)) {
                batch.add(m);
            } else {
                batch.skip(m.origin());
            }
        });
        d.decode(chunk, 0, chunk.length);
        batch.flush();
    }
}
