package dev.logsagent.bench;

import com.google.re2j.Pattern;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.logs.decoder.Decoder;
import dev.logsagent.logs.decoder.DecoderOptions;
import dev.logsagent.logs.decoder.LineParserKind;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.sender.BatchStrategy;
import dev.logsagent.logs.sources.LogSource;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stages {@link HotPathBenchmark} leaves out, which take no processing rules: decoding with a {@code multi_line}
 * rule, decoding docker {@code json-file} and CRI records, and batching (JSON encoding into payloads, without
 * compression). Each invocation handles one 4 MiB chunk of input, so ops/s × 4 = MiB/s, as there.
 *
 * <pre>java -jar bench/target/benchmarks.jar HotPathStages -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-XX:+UseSerialGC"})
public class HotPathStagesBenchmark {
    /** The agent's defaults: {@code batch_max_size}, {@code batch_max_content_size}, {@code batch_wait}. */
    private static final int BATCH_MAX_SIZE = 1000;
    private static final int BATCH_MAX_CONTENT_SIZE = 5_000_000;
    private static final Duration BATCH_WAIT = Duration.ofSeconds(5);

    private byte[] traces;
    private byte[] docker;
    private byte[] cri;
    private LogSource source;
    private LogsMetrics metrics;
    private LogEncoder encoder;
    private DecoderOptions multiLineOptions;
    private List<Message> decoded;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        traces = StackTraceLogs.generate(HotPathBenchmark.CHUNK);
        docker = ContainerLogs.dockerJson(HotPathBenchmark.CHUNK);
        cri = ContainerLogs.cri(HotPathBenchmark.CHUNK);
        source = new LogSource("bench", SourceConfig.file("bench", Path.of("/var/log/bench.log"), "bench", "bench"));
        metrics = new LogsMetrics(new PrometheusRegistry());
        encoder = new LogEncoder("bench-host", List.of("env:bench"));
        multiLineOptions = DecoderOptions.defaults().withMultiLinePattern(Pattern.compile(StackTraceLogs.START_PATTERN));
        byte[] lines = SampleLogs.generate(HotPathBenchmark.CHUNK);
        List<Message> all = new ArrayList<>();
        decoder(DecoderOptions.defaults(), all::add).decode(lines, 0, lines.length);
        decoded = all;
    }

    private Decoder decoder(DecoderOptions options, MessageSink sink) {
        return new Decoder(options, source, new InputIdentity("file:/var/log/bench.log", "beginning"), 0,
                List.of("filename:bench.log", "dirname:/var/log"), sink, metrics, System::nanoTime);
    }

    /** Framing and joining every stack trace to the line before it (the last entry is flushed at the end). */
    @Benchmark
    public void multiLine(Blackhole bh) throws InterruptedException {
        Decoder d = decoder(multiLineOptions, bh::consume);
        d.decode(traces, 0, traces.length);
        d.flushAll();
    }

    /** Framing and reading docker json-file records: the log unescaped, stream and time read. */
    @Benchmark
    public void dockerJson(Blackhole bh) throws InterruptedException {
        decoder(DecoderOptions.defaults().withParser(LineParserKind.DOCKER_JSON), bh::consume)
                .decode(docker, 0, docker.length);
    }

    /** Framing and reading CRI records: time, stream and tag read, the log left a view of the line. */
    @Benchmark
    public void cri(Blackhole bh) throws InterruptedException {
        decoder(DecoderOptions.defaults().withParser(LineParserKind.CRI), bh::consume).decode(cri, 0, cri.length);
    }

    /**
     * The batch strategy over already decoded messages, at the agent's default limits: JSON encoding into each
     * payload's array, record bounds, checkpoints and a new buffer per payload; nothing compressed.
     */
    @Benchmark
    public void batching(Blackhole bh) throws InterruptedException {
        BatchStrategy batch = new BatchStrategy(BATCH_MAX_SIZE, BATCH_MAX_CONTENT_SIZE, BATCH_WAIT, encoder,
                bh::consume, System::nanoTime);
        for (Message m : decoded) {
            batch.add(m);
        }
        batch.flush();
    }
}
