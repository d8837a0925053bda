package dev.logsagent.logs.launchers.file;

import dev.logsagent.config.FileSelectionMode;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.auditor.Auditor;
import dev.logsagent.logs.decoder.Decoder;
import dev.logsagent.logs.decoder.DecoderOptions;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.message.InputIdentity;
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
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A full pipeline stops the file tailers without letting each of them keep a decoded chunk on the heap. */
class FileLauncherBackPressureTest {
    private static final int BUFFER = 4 << 10;
    private static final int BUFFERS = 2;
    private static final int FILES = 6;

    @TempDir
    Path dir;
    private final LogsMetrics metrics = new LogsMetrics(new PrometheusRegistry());
    private FileLauncher launcher;

    @AfterEach
    void stopLauncher() {
        if (launcher != null) {
            launcher.stop();
        }
    }

    @Test
    void tailersBlockedByAFullPipelineHoldNoMoreChunksThanTheBufferPool() throws Exception {
        for (int f = 0; f < FILES; f++) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 1_000; i++) {
                lines.append("file ").append(f).append(" line ").append(i).append('\n');
            }
            Files.writeString(dir.resolve("app-" + f + ".log"), lines);
        }
        Sources sources = new Sources();
        LogSource source = new LogSource("app", SourceConfig.file("app", dir.resolve("*.log"), "app", "app")
                .withStartPosition(StartPosition.BEGINNING));
        // A pipeline that is never started: its 4 KiB queue fills with the first chunk and stays full.
        BatchStrategy batch = new BatchStrategy(10, 1 << 20, Duration.ofSeconds(1), new LogEncoder("host", List.of()),
                payload -> { }, System::nanoTime);
        Pipeline stuck = new Pipeline("stuck", 16, BUFFER, new Processor(List.of(), metrics), batch,
                new StreamLogsBroker(Clock.systemUTC()));
        launcher = new FileLauncher(sources, new FileLauncherSettings(100, Duration.ofHours(1), Duration.ofSeconds(60),
                FileSelectionMode.BY_NAME), new Auditor(dir.resolve("run"), Duration.ofDays(1), InstantSource.system(),
                Duration.ofSeconds(1)), new PipelineProvider(List.of(stuck)), this::decoder,
                new BufferPools(BUFFERS, BUFFER), metrics, System::nanoTime, (s, path) -> List.of(),
                TailerWakeups.polling(TailerWakeups.TICK, TailerWakeups.TURN_TICKS));
        launcher.start();
        sources.add(source);
        launcher.scan();
        await().atMost(Duration.ofSeconds(10)).until(() -> launcher.tailedCount() == FILES);
        await().atMost(Duration.ofSeconds(10)).until(() -> source.bytesRead() >= (long) BUFFERS * BUFFER);

        Thread.sleep(500);

        // The chunk that filled the queue, plus one chunk per buffer held by a blocked tailer; the other tailers
        // wait for a buffer before they read anything.
        assertThat(source.bytesRead()).isLessThanOrEqualTo((long) (BUFFERS + 1) * BUFFER);
    }

    private Decoder decoder(LogSource source, InputIdentity identity, long start, List<String> tags,
                            MessageSink pipeline) {
        return new Decoder(DecoderOptions.defaults(), source, identity, start, tags, pipeline, metrics,
                System::nanoTime);
    }
}
