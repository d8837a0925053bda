package dev.logsagent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code logs_config}, bound and validated; see docs/configuration.md for every key and its default.
 *
 * @param logsDdUrl           {@code host:port} of the intake, or null when not set
 * @param batchMaxConcurrentSend payloads in flight per pipeline (at least 1)
 * @param consoleOutput       extension: also print processed logs as JSON lines on stdout
 * @param fileOutput          extension: also append processed logs as JSON lines to this file; null = off
 * @param dockerPathOverride  folder holding {@code <id>/<id>-json.log}
 * @param podsPath            folder holding {@code <ns>_<pod>_<uid>/<container>/<n>.log}
 * @param fileWildcardSelectionMode which files win when more match than {@code open_files_limit}
 * @param kafka               extension: a Kafka topic to send to; null when not configured
 */
public record LogsConfig(
        String logsDdUrl,
        boolean logsNoSsl,
        boolean useHttp,
        boolean forceUseHttp,
        boolean useTcp,
        boolean forceUseTcp,
        boolean useCompression,
        CompressionKind compressionKind,
        int zstdCompressionLevel,
        int compressionLevel,
        Duration batchWait,
        int batchMaxSize,
        int batchMaxContentSize,
        int batchMaxConcurrentSend,
        double senderBackoffBase,
        double senderBackoffFactor,
        double senderBackoffMax,
        double senderRecoveryInterval,
        Duration stopGracePeriod,
        int openFilesLimit,
        Duration fileScanPeriod,
        Duration closeTimeout,
        int maxMessageSizeBytes,
        Duration aggregationTimeout,
        List<ProcessingRuleConfig> processingRules,
        boolean autoMultiLineDetection,
        boolean containerCollectAll,
        List<EndpointConfig> additionalEndpoints,
        String apiKey,
        int pipelines,
        Duration auditorTtl,
        boolean consoleOutput,
        Path fileOutput,
        Path dockerPathOverride,
        Path podsPath,
        FileSelectionMode fileWildcardSelectionMode,
        KafkaConfig kafka) {

    public LogsConfig {
        processingRules = List.copyOf(processingRules);
        additionalEndpoints = List.copyOf(additionalEndpoints);
    }

    @Override
    public String toString() {
        return "LogsConfig[logsDdUrl=" + logsDdUrl + ", apiKey=" + Secrets.redact(apiKey) + ", pipelines=" + pipelines
                + ", compression=" + (useCompression ? compressionKind.key() : "none") + ", kafka=" + kafka + "]";
    }
}
