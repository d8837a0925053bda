package dev.logsagent.logs.sender;

import dev.logsagent.config.ConfigLoader;
import dev.logsagent.config.LogsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadMemoryTest {
    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    private LogsConfig logs(String logsConfig) throws IOException {
        Path file = Files.writeString(dir.resolve("datadog.yaml"), "logs_config:\n" + logsConfig);
        return ConfigLoader.load(file, Map.of()).config().logsConfig();
    }

    @Test
    void theDefaultsFitTheHeapBinLogsAgentGivesForTheirPipelines() throws IOException {
        for (int pipelines = 1; pipelines <= 4; pipelines++) {
            LogsConfig logs = logs("  pipelines: " + pipelines + "\n");
            // bin/logs-agent: 40 MiB + 12 MiB per pipeline; the JVM reports a little less (one survivor space).
            long maxHeap = (40 + 12L * pipelines) * MIB * 9 / 10;

            assertThat(PayloadMemory.warning(logs, maxHeap)).as("%d pipelines", pipelines).isEmpty();
        }
    }

    @Test
    void largeBatchesInFlightAreWarnedAboutWithTheSettingsAndAHeapThatFits() throws IOException {
        LogsConfig logs = logs("  pipelines: 4\n  batch_max_content_size: 20000000\n  batch_max_concurrent_send: 4\n");

        assertThat(PayloadMemory.worstCase(logs)).isEqualTo(4 * 20_000_000L * 5);
        assertThat(PayloadMemory.warning(logs, 88 * MIB)).hasValueSatisfying(warning -> assertThat(warning)
                .contains("4 pipelines", "batch_max_content_size 20000000", "batch_max_concurrent_send 4",
                        "up to 381 MiB", "-Xmx413m"));
    }
}
