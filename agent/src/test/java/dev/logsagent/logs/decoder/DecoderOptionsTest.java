package dev.logsagent.logs.decoder;

import dev.logsagent.config.CompressionKind;
import dev.logsagent.config.FileSelectionMode;
import dev.logsagent.config.Encoding;
import dev.logsagent.config.LogsConfig;
import dev.logsagent.config.ProcessingRuleConfig;
import dev.logsagent.config.ProcessingRuleType;
import dev.logsagent.config.SourceConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecoderOptionsTest {

    @Test
    void defaultsFollowTheDatadogAgent() {
        DecoderOptions d = DecoderOptions.defaults();

        assertThat(d.encoding()).isEqualTo(Encoding.UTF_8);
        assertThat(d.maxMessageSize()).isEqualTo(256_000);
        assertThat(d.parser()).isEqualTo(LineParserKind.RAW);
        assertThat(d.multiLinePattern()).isNull();
        assertThat(d.autoMultiLine()).isFalse();
        assertThat(d.aggregationTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void nullsTakeTheDefaults() {
        DecoderOptions d = new DecoderOptions(null, 100, null, null, false, null);

        assertThat(d.encoding()).isEqualTo(Encoding.UTF_8);
        assertThat(d.parser()).isEqualTo(LineParserKind.RAW);
        assertThat(d.aggregationTimeout()).isEqualTo(DecoderOptions.DEFAULT_AGGREGATION_TIMEOUT);
    }

    @Test
    void refusesSizesAndTimeoutsThatMakeNoSense() {
        assertThatThrownBy(() -> DecoderOptions.defaults().withMaxMessageSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_message_size_bytes");
        assertThatThrownBy(() -> DecoderOptions.defaults().withAggregationTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aggregation_timeout");
    }

    @Test
    void sourceOptionsTakeTheFirstMultiLineRuleGlobalRulesFirst() {
        LogsConfig logs = logsConfig(List.of(
                new ProcessingRuleConfig(ProcessingRuleType.EXCLUDE_AT_MATCH, "drop", "debug", null),
                new ProcessingRuleConfig(ProcessingRuleType.MULTI_LINE, "global", "\\d{4}", null)), true);
        SourceConfig source = SourceConfig.file("app", Path.of("/var/log/app.log"), "svc", "java")
                .withEncoding(Encoding.UTF_16_LE)
                .withProcessingRules(List.of(
                        new ProcessingRuleConfig(ProcessingRuleType.MULTI_LINE, "own", "START", null)));

        DecoderOptions options = DecoderOptions.forSource(source, logs, LineParserKind.DOCKER_JSON);

        assertThat(options.multiLinePattern().pattern()).isEqualTo("\\d{4}");
        assertThat(options.encoding()).isEqualTo(Encoding.UTF_16_LE);
        assertThat(options.parser()).isEqualTo(LineParserKind.DOCKER_JSON);
        assertThat(options.maxMessageSize()).isEqualTo(logs.maxMessageSizeBytes());
        assertThat(options.aggregationTimeout()).isEqualTo(logs.aggregationTimeout());
        assertThat(options.autoMultiLine()).isTrue();
    }

    @Test
    void sourceOverridesAutoMultiLineDetection() {
        SourceConfig source = SourceConfig.file("app", Path.of("/var/log/app.log"), "svc", "java");

        assertThat(DecoderOptions.forSource(source.withAutoMultiLine(false), logsConfig(List.of(), true),
                LineParserKind.RAW).autoMultiLine()).isFalse();
        assertThat(DecoderOptions.forSource(source.withAutoMultiLine(true), logsConfig(List.of(), false),
                LineParserKind.RAW).autoMultiLine()).isTrue();
        assertThat(DecoderOptions.forSource(source, logsConfig(List.of(), true), LineParserKind.RAW)
                .multiLinePattern()).isNull();
    }

    /** A {@code logs_config} with the defaults of the contract but the given rules and auto multi-line flag. */
    private static LogsConfig logsConfig(List<ProcessingRuleConfig> rules, boolean autoMultiLine) {
        return new LogsConfig(null, false, false, false, false, false, true, CompressionKind.ZSTD, 1, 6,
                Duration.ofSeconds(5), 1000, 5_000_000, 1, 1, 2, 120, 2, Duration.ofSeconds(30), 500,
                Duration.ofSeconds(10), Duration.ofSeconds(60), 128_000, Duration.ofMillis(750), rules, autoMultiLine,
                false, List.of(), null, 1, Duration.ofHours(23), false, null, Path.of("/var/lib/docker/containers"),
                Path.of("/var/log/pods"), FileSelectionMode.BY_NAME, null);
    }
}
