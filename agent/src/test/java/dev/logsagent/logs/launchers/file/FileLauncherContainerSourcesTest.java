package dev.logsagent.logs.launchers.file;

import dev.logsagent.config.FileSelectionMode;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.auditor.Auditor;
import dev.logsagent.logs.decoder.Decoder;
import dev.logsagent.logs.decoder.DecoderOptions;
import dev.logsagent.logs.decoder.LineParserKind;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.launchers.InputTags;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.pipeline.Pipeline;
import dev.logsagent.logs.pipeline.PipelineProvider;
import dev.logsagent.logs.processor.Processor;
import dev.logsagent.logs.sender.BatchStrategy;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.serializer.LogEncoder;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FileLauncherContainerSourcesTest {
    private static final String ID = "3e13513f94b41d23429804243820438fb9a214238bf2d4f384741a48b575670a";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final LogsMetrics metrics = new LogsMetrics(new PrometheusRegistry());
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final Sources sources = new Sources();
    private Path logFile;
    private FileLauncher launcher;

    @BeforeEach
    void startLauncher() throws IOException {
        logFile = Files.createDirectories(dir.resolve("containers").resolve(ID)).resolve(ID + "-json.log");
        Files.writeString(logFile, dockerLine("first", "stdout") + dockerLine("second", "stderr"));
        InputTags containerTags = (source, path) -> source.config().type() == SourceType.DOCKER
                ? List.of("container_id:" + ID, "short_image:redis") : List.of();
        launcher = new FileLauncher(sources, new FileLauncherSettings(100, Duration.ofHours(1), CLOSE_TIMEOUT,
                FileSelectionMode.BY_NAME), new Auditor(dir.resolve("run"), Duration.ofDays(1), InstantSource.system(),
                Duration.ofSeconds(1)), idlePipelines(), this::decoder, new BufferPools(8, 64 << 10), metrics,
                nanos::get, containerTags);
        launcher.start();
    }

    @AfterEach
    void stopLauncher() {
        launcher.stop();
    }

    @Test
    void readsDockerJsonFileRecordsWithTheContainerTags() {
        LogSource source = dockerSource();

        sources.add(source);
        launcher.scan();

        awaitReceived(2);
        assertThat(received).extracting(Message::contentAsString).containsExactly("first", "second");
        assertThat(received).extracting(Message::status).containsExactly("info", "error");
        assertThat(received.getFirst().tags()).containsExactly("filename:" + ID + "-json.log",
                "dirname:" + logFile.getParent(), "container_id:" + ID, "short_image:redis");
        assertThat(source.inputs()).containsExactly(logFile.toString());
    }

    @Test
    void readsTheFileOfARemovedContainerSourceToItsEndThenClosesIt() throws IOException {
        LogSource source = dockerSource();
        sources.add(source);
        launcher.scan();
        awaitReceived(2);

        sources.remove(source);
        append(dockerLine("last words", "stdout") + dockerLine("exit 1", "stderr"));
        launcher.scan();

        awaitReceived(4);
        assertThat(received).extracting(Message::contentAsString).endsWith("last words", "exit 1");
        assertThat(launcher.tailedCount()).isZero();
        assertThat(openDescriptorsOf(logFile)).isOne();
        nanos.addAndGet(CLOSE_TIMEOUT.toNanos());
        await().atMost(Duration.ofSeconds(5)).until(() -> openDescriptorsOf(logFile) == 0);
        assertThat(received).hasSize(4);
    }

    @Test
    void stopsReadingTheFileOfARemovedFileSourceAtOnce() throws IOException {
        LogSource source = new LogSource("app", SourceConfig.file("app", logFile, "app", "app"));
        sources.add(source);
        launcher.scan();
        awaitReceived(2);

        sources.remove(source);
        launcher.scan();
        append(dockerLine("not read", "stdout"));

        await().atMost(Duration.ofSeconds(5)).until(() -> openDescriptorsOf(logFile) == 0);
        assertThat(received).hasSize(2);
    }

    @Test
    void aSourceForTheSameFileAgainGoesOnWhereTheDrainingTailerWas() throws IOException {
        LogSource before = dockerSource();
        sources.add(before);
        launcher.scan();
        awaitReceived(2);
        sources.remove(before);
        launcher.scan();

        LogSource after = dockerSource();
        sources.add(after);
        launcher.scan();
        append(dockerLine("third", "stdout"));

        awaitReceived(3);
        assertThat(received).extracting(Message::contentAsString).containsExactly("first", "second", "third");
        assertThat(received.getLast().origin().source()).isSameAs(after);
        assertThat(launcher.tailedCount()).isOne();
        assertThat(openDescriptorsOf(logFile)).isOne();
    }

    @Test
    void readsAContainerFoundByAutodiscoveryFromTheStartOfItsLog() throws IOException {
        Path appLog = Files.writeString(dir.resolve("app.log"), "old line\n");
        sources.add(new LogSource("redis", dockerConfig(logFile.toString()).withStartPosition(StartPosition.END)));
        sources.add(new LogSource("app", SourceConfig.file("app", appLog, "app", "app")
                .withStartPosition(StartPosition.END)));
        launcher.scan();
        await().atMost(Duration.ofSeconds(5)).until(() -> launcher.tailedCount() == 2);

        Files.writeString(appLog, "new line\n", StandardOpenOption.APPEND);

        awaitReceived(3);
        assertThat(received).extracting(Message::contentAsString)
                .containsExactlyInAnyOrder("first", "second", "new line");
    }

    @Test
    void reportsAContainerSourceThatHasNoPath() {
        LogSource source = new LogSource("redis", dockerConfig(null));

        sources.add(source);
        launcher.scan();

        assertThat(source.status()).isEqualTo("Error: no path: a docker source is read from its log files");
        assertThat(launcher.tailedCount()).isZero();
    }

    private LogSource dockerSource() {
        return new LogSource("redis", dockerConfig(logFile.toString()));
    }

    private static SourceConfig dockerConfig(String path) {
        return new SourceConfig("redis", "docker:" + ID, SourceType.DOCKER, null, List.of(), null,
                StartPosition.BEGINNING, 0, null, "redis", "redis", null, List.of(), List.of(),
                null, "docker://" + ID, null).withPath(path);
    }

    private Decoder decoder(LogSource source, InputIdentity identity, long start,
                            List<String> tags, MessageSink pipeline) {
        LineParserKind parser = source.config().type() == SourceType.DOCKER ? LineParserKind.DOCKER_JSON
                : LineParserKind.RAW;
        return new Decoder(DecoderOptions.defaults().withParser(parser), source, identity, start, tags,
                received::add, metrics, System::nanoTime);
    }

    /** The launcher pins inputs to pipelines; here the decoders hand messages to the test instead. */
    private PipelineProvider idlePipelines() {
        BatchStrategy batch = new BatchStrategy(10, 1 << 20, Duration.ofSeconds(1), new LogEncoder("host", List.of()),
                payload -> { }, System::nanoTime);
        return new PipelineProvider(List.of(new Pipeline("idle", 16, 1 << 20, new Processor(List.of(), metrics), batch,
                new StreamLogsBroker(Clock.systemUTC()))));
    }

    private void awaitReceived(int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= count);
    }

    private void append(String text) throws IOException {
        Files.writeString(logFile, text, StandardOpenOption.APPEND);
    }

    private static String dockerLine(String log, String stream) {
        return "{\"log\":\"" + log + "\\n\",\"stream\":\"" + stream
                + "\",\"time\":\"2024-05-01T10:00:00.000000001Z\"}\n";
    }

    /** How many of this process's file descriptors are open on the file: whether a tailer still holds it. */
    private static long openDescriptorsOf(Path file) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }
}
