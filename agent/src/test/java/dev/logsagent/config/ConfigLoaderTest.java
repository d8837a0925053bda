package dev.logsagent.config;

import dev.logsagent.errors.ConfigException;
import dev.logsagent.errors.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void noFileGivesTheDocumentedDefaults() {
        LoadedConfig loaded = ConfigLoader.load(null, Map.of());

        AgentConfig config = loaded.config();
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(loaded.warnings()).isEmpty();
        assertThat(config.configFile()).isNull();
        assertThat(config.apiKey()).isNull();
        assertThat(config.site()).isEqualTo("datadoghq.com");
        assertThat(config.hostname()).isNull();
        assertThat(config.tags()).isEmpty();
        assertThat(config.logsEnabled()).isTrue();
        assertThat(config.runPath()).isEqualTo(cwd.resolve("run"));
        assertThat(config.confdPath()).isEqualTo(cwd.resolve("conf.d"));
        assertThat(config.confdPathExplicit()).isFalse();
        assertThat(config.cmdHost()).isEqualTo("127.0.0.1");
        assertThat(config.cmdPort()).isEqualTo(5001);
        assertThat(config.expvarPort()).isEqualTo(5000);
        assertThat(config.dockerHost()).isEqualTo("unix:///var/run/docker.sock");

        LogsConfig logs = config.logsConfig();
        assertThat(logs.logsDdUrl()).isNull();
        assertThat(logs.useCompression()).isTrue();
        assertThat(logs.compressionKind()).isEqualTo(CompressionKind.ZSTD);
        assertThat(logs.zstdCompressionLevel()).isEqualTo(1);
        assertThat(logs.compressionLevel()).isEqualTo(6);
        assertThat(logs.batchWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(logs.batchMaxSize()).isEqualTo(1000);
        assertThat(logs.batchMaxContentSize()).isEqualTo(5_000_000);
        assertThat(logs.batchMaxConcurrentSend()).isEqualTo(1);
        assertThat(logs.senderBackoffBase()).isEqualTo(1.0);
        assertThat(logs.senderBackoffFactor()).isEqualTo(2.0);
        assertThat(logs.senderBackoffMax()).isEqualTo(120.0);
        assertThat(logs.senderRecoveryInterval()).isEqualTo(2.0);
        assertThat(logs.stopGracePeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(logs.openFilesLimit()).isEqualTo(500);
        assertThat(logs.fileScanPeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(logs.closeTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(logs.maxMessageSizeBytes()).isEqualTo(256_000);
        assertThat(logs.aggregationTimeout()).isEqualTo(Duration.ofMillis(1000));
        assertThat(logs.processingRules()).isEmpty();
        assertThat(logs.additionalEndpoints()).isEmpty();
        assertThat(logs.pipelines()).isEqualTo(Math.min(4, Runtime.getRuntime().availableProcessors()));
        assertThat(logs.auditorTtl()).isEqualTo(Duration.ofHours(23));
        assertThat(logs.consoleOutput()).isFalse();
        assertThat(logs.fileOutput()).isNull();
        assertThat(logs.dockerPathOverride()).isEqualTo(Path.of("/var/lib/docker/containers"));
        assertThat(logs.podsPath()).isEqualTo(Path.of("/var/log/pods"));
    }

    @Test
    void emptyFileGivesDefaultsWithPathsBesideTheFile() throws IOException {
        Path file = write("datadog.yaml", "# nothing set\n");

        AgentConfig config = ConfigLoader.load(file, Map.of()).config();

        assertThat(config.configFile()).isEqualTo(file);
        assertThat(config.runPath()).isEqualTo(dir.resolve("run"));
        assertThat(config.confdPath()).isEqualTo(dir.resolve("conf.d"));
        assertThat(config.logsConfig().batchWait()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void bindsEveryKeyOfAFullFile() throws IOException {
        Path file = dir.resolve("datadog.yaml");
        try (InputStream in = getClass().getResourceAsStream("/config/full-datadog.yaml")) {
            Files.copy(in, file);
        }

        LoadedConfig loaded = ConfigLoader.load(file, Map.of());

        assertThat(loaded.warnings()).isEmpty();
        AgentConfig config = loaded.config();
        assertThat(config.apiKey()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(config.effectiveApiKey()).isEqualTo("abcdefabcdefabcdefabcdefabcdef12");
        assertThat(config.site()).isEqualTo("datadoghq.eu");
        assertThat(config.hostname()).isEqualTo("web-1");
        assertThat(config.tags()).containsExactly("team:core", "env:prod");
        assertThat(config.env()).isEqualTo("prod");
        assertThat(config.logsEnabled()).isFalse();
        assertThat(config.runPath()).isEqualTo(dir.resolve("state"));
        assertThat(config.confdPath()).isEqualTo(Path.of("/etc/logs-agent/conf.d"));
        assertThat(config.confdPathExplicit()).isTrue();
        assertThat(config.cmdHost()).isEqualTo("0.0.0.0");
        assertThat(config.cmdPort()).isEqualTo(6001);
        assertThat(config.expvarPort()).isEqualTo(6000);
        assertThat(config.dockerHost()).isEqualTo("tcp://docker:2375");

        LogsConfig logs = config.logsConfig();
        assertThat(logs.logsDdUrl()).isEqualTo("intake.example.com:10516");
        assertThat(List.of(logs.logsNoSsl(), logs.useHttp(), logs.forceUseHttp(), logs.useTcp(), logs.forceUseTcp(),
                logs.autoMultiLineDetection(), logs.containerCollectAll(), logs.consoleOutput())).containsOnly(true);
        assertThat(logs.useCompression()).isFalse();
        assertThat(logs.compressionKind()).isEqualTo(CompressionKind.GZIP);
        assertThat(logs.zstdCompressionLevel()).isEqualTo(9);
        assertThat(logs.compressionLevel()).isEqualTo(3);
        assertThat(logs.batchWait()).isEqualTo(Duration.ofMillis(2500));
        assertThat(logs.batchMaxSize()).isEqualTo(200);
        assertThat(logs.batchMaxContentSize()).isEqualTo(100_000);
        assertThat(logs.batchMaxConcurrentSend()).isEqualTo(4);
        assertThat(logs.senderBackoffBase()).isEqualTo(0.5);
        assertThat(logs.senderBackoffFactor()).isEqualTo(3.0);
        assertThat(logs.senderBackoffMax()).isEqualTo(60.0);
        assertThat(logs.senderRecoveryInterval()).isEqualTo(4.0);
        assertThat(logs.stopGracePeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(logs.openFilesLimit()).isEqualTo(50);
        assertThat(logs.fileScanPeriod()).isEqualTo(Duration.ofMillis(500));
        assertThat(logs.closeTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(logs.maxMessageSizeBytes()).isEqualTo(10_000);
        assertThat(logs.aggregationTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(logs.processingRules()).containsExactly(
                new ProcessingRuleConfig(ProcessingRuleType.EXCLUDE_AT_MATCH, "drop_health", "GET /health", null),
                new ProcessingRuleConfig(ProcessingRuleType.MASK_SEQUENCES, "mask_cards", "\\d{16}", "[card]"));
        assertThat(logs.additionalEndpoints()).containsExactly(new EndpointConfig(
                "fedcba9876543210fedcba9876543210", "backup.example.com", 8443, true, false));
        assertThat(logs.pipelines()).isEqualTo(2);
        assertThat(logs.auditorTtl()).isEqualTo(Duration.ofMinutes(90));
        assertThat(logs.fileOutput()).isEqualTo(dir.resolve("out/logs.jsonl"));
        assertThat(logs.dockerPathOverride()).isEqualTo(Path.of("/data/docker/containers"));
        assertThat(logs.podsPath()).isEqualTo(Path.of("/data/pods"));
    }

    @Test
    void yamlSyntaxErrorNamesLineAndColumnWithoutQuotingTheFile() throws IOException {
        Path file = write("datadog.yaml", """
                api_key: 0123456789abcdef0123456789abcdef
                logs_config:
                  batch_wait: 5
                   batch_max_size: 10
                """);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file.toString());
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(18);
            assertThat(p.message()).startsWith("invalid YAML: ").contains("mapping values are not allowed here");
        });
        assertThat(e.getMessage()).startsWith(file + ":4:18: invalid YAML").doesNotContain("0123456789abcdef");
    }

    @Test
    void wrongTypeNamesKeyLineAndValue() throws IOException {
        Path file = write("datadog.yaml", """
                logs_config:
                  batch_wait: abc
                """);

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":2:3: logs_config.batch_wait: expected a number of seconds, got 'abc'");
    }

    @Test
    void outOfRangeNumbersAreRefusedWithTheirRange() throws IOException {
        Path file = write("datadog.yaml", """
                cmd_port: 70000
                logs_config:
                  batch_wait: 0
                  zstd_compression_level: 23
                  pipelines: 1.5
                """);

        assertThat(problemsOf(file)).extracting(ConfigProblem::describe).containsExactly(
                file + ":1:1: cmd_port: must be between 0 and 65535, got 70000",
                file + ":3:3: logs_config.batch_wait: must be more than 0 and at most 60 (seconds), got 0",
                file + ":4:3: logs_config.zstd_compression_level: must be between 1 and 22, got 23",
                file + ":5:3: logs_config.pipelines: expected a whole number, got 1.5");
    }

    @Test
    void unknownCompressionKindListsTheAllowedValues() throws IOException {
        Path file = write("datadog.yaml", """
                logs_config:
                  compression_kind: lzma
                """);

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).hasMessage(file
                + ":2:3: logs_config.compression_kind: unknown value 'lzma'; expected one of zstd, gzip");
    }

    @Test
    void lookaroundPatternIsRefusedAtThePatternsLine() throws IOException {
        Path file = write("datadog.yaml", """
                logs_config:
                  processing_rules:
                    - type: include_at_match
                      name: fine
                      pattern: 'ok'
                    - type: exclude_at_match
                      name: lookahead
                      pattern: 'a(?=x)'
                """);

        assertThat(problemsOf(file)).singleElement().satisfies(p -> {
            assertThat(p.keyPath()).isEqualTo("logs_config.processing_rules[1].pattern");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).startsWith("not a valid RE2 pattern: ").contains("(?=");
        });
    }

    @Test
    void maskRuleWithoutPlaceholderIsRefused() throws IOException {
        Path file = write("datadog.yaml", """
                logs_config:
                  processing_rules:
                    - type: mask_sequences
                      name: mask
                      pattern: '\\d+'
                """);

        assertThat(problemsOf(file)).extracting(ConfigProblem::describe).containsExactly(file
                + ":3:7: logs_config.processing_rules[0].replace_placeholder: replace_placeholder is required for "
                + "mask_sequences");
    }

    @Test
    void reportsEveryProblemOfTheFileTogether() throws IOException {
        Path file = write("datadog.yaml", """
                cmd_port: high
                logs_enabled: maybe
                tags: [a:b, {c: d}]
                logs_config:
                  compression_kind: lzma
                  batch_max_size: 0
                  processing_rules:
                    - type: drop
                      pattern: '('
                  additional_endpoints:
                    - port: 443
                """);

        assertThat(problemsOf(file)).extracting(ConfigProblem::keyPath).containsExactlyInAnyOrder(
                "cmd_port", "logs_enabled", "tags[1]", "logs_config.compression_kind", "logs_config.batch_max_size",
                "logs_config.processing_rules[0].type", "logs_config.processing_rules[0].name",
                "logs_config.processing_rules[0].pattern", "logs_config.additional_endpoints[0].host");
    }

    @Test
    void missingKeysAreReportedAtTheirParent() throws IOException {
        Path file = write("datadog.yaml", """
                logs_config:
                  processing_rules:
                    - type: exclude_at_match
                      pattern: x
                """);

        assertThat(problemsOf(file)).extracting(ConfigProblem::describe).containsExactly(
                file + ":3:7: logs_config.processing_rules[0].name: name is required");
    }

    @Test
    void unknownKeysWarnWithTheirLine() throws IOException {
        Path file = write("datadog.yaml", """
                api_key: 0123456789abcdef0123456789abcdef
                apm_config:
                  enabled: true
                logs_config:
                  batch_wiat: 3
                """);

        LoadedConfig loaded = ConfigLoader.load(file, Map.of());

        assertThat(loaded.warnings()).extracting(ConfigProblem::describe).containsExactlyInAnyOrder(
                file + ":2:1: apm_config: unknown key, ignored",
                file + ":5:3: logs_config.batch_wiat: unknown key, ignored");
        assertThat(loaded.config().logsConfig().batchWait()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void relativePathsAreResolvedAgainstTheConfigFolder() throws IOException {
        Path file = write("etc/datadog.yaml", """
                run_path: ../var/run
                confd_path: conf.d
                logs_config:
                  file_output: logs/out.jsonl
                """);

        AgentConfig config = ConfigLoader.load(file, Map.of()).config();

        assertThat(config.runPath()).isEqualTo(dir.resolve("var/run"));
        assertThat(config.confdPath()).isEqualTo(dir.resolve("etc/conf.d"));
        assertThat(config.confdPathExplicit()).isTrue();
        assertThat(config.logsConfig().fileOutput()).isEqualTo(dir.resolve("etc/logs/out.jsonl"));
    }

    @Test
    void concurrentSendOfZeroMeansOneInFlight() throws IOException {
        Path file = write("datadog.yaml", "logs_config:\n  batch_max_concurrent_send: 0\n");

        assertThat(ConfigLoader.load(file, Map.of()).config().logsConfig().batchMaxConcurrentSend()).isEqualTo(1);
    }

    @Test
    void lenientScalarsAreAcceptedAsTheDatadogAgentDoes() throws IOException {
        Path file = write("datadog.yaml", """
                logs_enabled: "yes"
                cmd_port: "6001"
                tags: "a:b c:d"
                logs_config:
                  use_compression: off
                  batch_wait: "0.25"
                """);

        AgentConfig config = ConfigLoader.load(file, Map.of()).config();

        assertThat(config.logsEnabled()).isTrue();
        assertThat(config.cmdPort()).isEqualTo(6001);
        assertThat(config.tags()).containsExactly("a:b", "c:d");
        assertThat(config.logsConfig().useCompression()).isFalse();
        assertThat(config.logsConfig().batchWait()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void endpointDefaultsFollowUseSsl() throws IOException {
        Path file = write("datadog.yaml", """
                logs_config:
                  additional_endpoints:
                    - host: a.example.com
                    - host: b.example.com
                      use_ssl: false
                """);

        assertThat(ConfigLoader.load(file, Map.of()).config().logsConfig().additionalEndpoints()).containsExactly(
                new EndpointConfig(null, "a.example.com", 443, true, true),
                new EndpointConfig(null, "b.example.com", 80, false, true));
    }

    @Test
    void logsDdUrlMustBeHostAndPort() throws IOException {
        Path file = write("datadog.yaml", "logs_config:\n  logs_dd_url: https://intake.example.com\n");

        assertThat(problemsOf(file)).extracting(ConfigProblem::message).containsExactly(
                "expected host:port (port 1-65535), got 'https://intake.example.com'");
    }

    @Test
    void topLevelMustBeAMapping() throws IOException {
        Path file = write("datadog.yaml", "- a\n- b\n");

        assertThat(problemsOf(file)).extracting(ConfigProblem::describe)
                .containsExactly(file + ":1:1: expected a mapping of keys, got a list");
    }

    @Test
    void missingFileIsAProblem() {
        Path file = dir.resolve("absent.yaml");

        assertThat(problemsOf(file)).extracting(ConfigProblem::describe).containsExactly(file + ": file not found");
    }

    @Test
    void apiKeysStayOutOfToString() throws IOException {
        Path file = write("datadog.yaml", """
                api_key: 0123456789abcdef0123456789abcdef
                logs_config:
                  api_key: abcdefabcdefabcdefabcdefabcdef12
                  additional_endpoints:
                    - api_key: fedcba9876543210fedcba9876543210
                      host: backup.example.com
                """);

        String text = ConfigLoader.load(file, Map.of()).config().toString()
                + ConfigLoader.load(file, Map.of()).config().logsConfig().additionalEndpoints();

        assertThat(text).doesNotContain("0123456789abcdef0123456789abcdef", "abcdefabcdefabcdefabcdefabcdef12",
                "fedcba9876543210fedcba9876543210").contains("cdef", "ef12", "3210");
    }

    private List<ConfigProblem> problemsOf(Path file) {
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, Map.of())).problems();
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
