package dev.logsagent.logs.launchers.file;

import dev.logsagent.config.FileSelectionMode;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.auditor.Auditor;
import dev.logsagent.logs.decoder.Decoder;
import dev.logsagent.logs.decoder.DecoderOptions;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.pipeline.Pipeline;
import dev.logsagent.logs.pipeline.PipelineProvider;
import dev.logsagent.logs.processor.Processor;
import dev.logsagent.logs.sender.BatchStrategy;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.logs.tailers.TailerWakeups;
import dev.logsagent.serializer.LogEncoder;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Caught-up tailers wait on the launcher's {@link TailerWakeups}: they must still see every write. */
class FileLauncherWakeupsTest {
    @TempDir
    Path dir;
    private final LogsMetrics metrics = new LogsMetrics(new PrometheusRegistry());
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final Sources sources = new Sources();
    private FileLauncher launcher;

    @AfterEach
    void stopLauncher() {
        if (launcher != null) {
            launcher.stop();
        }
    }

    @Test
    void aCaughtUpFileInAWatchedDirectoryIsReadWhenItIsWrittenAgain() throws IOException {
        Path file = Files.writeString(dir.resolve("app.log"), "first\n");
        start(TailerWakeups.create(TailerWakeups.TICK, TailerWakeups.TURN_TICKS), file);
        awaitReceived(1);

        for (int i = 0; i < 3; i++) {
            awaitCaughtUp();
            append(file, "later " + i + "\n");
            awaitReceived(2 + i);
        }

        assertThat(received).extracting(Message::contentAsString)
                .containsExactly("first", "later 0", "later 1", "later 2");
    }

    @Test
    void aFileInADirectoryThatCannotBeWatchedIsPolled() throws IOException {
        Path file = Files.writeString(dir.resolve("app.log"), "first\n");
        start(TailerWakeups.polling(TailerWakeups.TICK, TailerWakeups.TURN_TICKS), file);
        awaitReceived(1);

        awaitCaughtUp();
        append(file, "later\n");

        awaitReceived(2);
        assertThat(received).extracting(Message::contentAsString).containsExactly("first", "later");
    }

    @Test
    void aFileReachedThroughASymbolicLinkIsReadWhenItsTargetIsWritten() throws IOException {
        Path target = Files.writeString(Files.createDirectory(dir.resolve("pods")).resolve("0.log"), "first\n");
        Path link = Files.createSymbolicLink(Files.createDirectory(dir.resolve("containers")).resolve("app.log"),
                target);
        start(TailerWakeups.create(TailerWakeups.TICK, TailerWakeups.TURN_TICKS), link);
        awaitReceived(1);

        awaitCaughtUp();
        append(target, "later\n");

        awaitReceived(2);
        assertThat(received).extracting(Message::contentAsString).containsExactly("first", "later");
    }

    private void start(TailerWakeups wakeups, Path file) {
        launcher = new FileLauncher(sources, new FileLauncherSettings(100, Duration.ofHours(1), Duration.ofSeconds(60),
                FileSelectionMode.BY_NAME), new Auditor(dir.resolve("run"), Duration.ofDays(1), InstantSource.system(),
                Duration.ofSeconds(1)), idlePipelines(), this::decoder, new BufferPools(8, 64 << 10), metrics,
                System::nanoTime, (source, path) -> List.of(), wakeups);
        launcher.start();
        sources.add(new LogSource("app", SourceConfig.file("app", file, "app", "app")
                .withStartPosition(StartPosition.BEGINNING)));
        launcher.scan();
    }

    private Decoder decoder(LogSource source, InputIdentity identity, long start, List<String> tags,
                            MessageSink pipeline) {
        return new Decoder(DecoderOptions.defaults(), source, identity, start, tags, received::add, metrics,
                System::nanoTime);
    }

    /** The launcher pins inputs to pipelines; here the decoders hand messages to the test instead. */
    private PipelineProvider idlePipelines() {
        BatchStrategy batch = new BatchStrategy(10, 1 << 20, Duration.ofSeconds(1), new LogEncoder("host", List.of()),
                payload -> { }, System::nanoTime);
        return new PipelineProvider(List.of(new Pipeline("idle", 16, 1 << 20, new Processor(List.of(), metrics), batch,
                new StreamLogsBroker(Clock.systemUTC()))));
    }

    /** The tailer found nothing more to read: it waits for the next write. */
    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(10)).until(() -> launcher.tailedCount() == 1 && launcher.allCaughtUp());
    }

    private void awaitReceived(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= count);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }
}
