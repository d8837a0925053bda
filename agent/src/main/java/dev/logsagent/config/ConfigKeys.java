package dev.logsagent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.logsagent.config.ConfigKey.EnvSyntax.JSON;
import static dev.logsagent.config.ConfigKey.EnvSyntax.JSON_OR_WORDS;
import static dev.logsagent.config.NumberRange.above;
import static dev.logsagent.config.NumberRange.between;
import static dev.logsagent.config.ValueReaders.bool;
import static dev.logsagent.config.ValueReaders.decimal;
import static dev.logsagent.config.ValueReaders.duration;
import static dev.logsagent.config.ValueReaders.integer;
import static dev.logsagent.config.ValueReaders.path;
import static dev.logsagent.config.ValueReaders.string;

/**
 * Every key of the main config file: the one table that drives binding, environment overrides, unknown-key
 * warnings and the documentation check. Names and defaults follow the Datadog Agent.
 */
final class ConfigKeys {
    static final String LOGS_CONFIG = "logs_config";

    static final ConfigKey<String> API_KEY = ConfigKey.of("api_key", string(), null);
    static final ConfigKey<String> SITE = ConfigKey.of("site", string(), "datadoghq.com");
    static final ConfigKey<String> HOSTNAME = ConfigKey.of("hostname", string(), null);
    static final ConfigKey<List<String>> TAGS =
            ConfigKey.of("tags", ValueReaders.stringList(ValueReaders.WHITESPACE), List.<String>of())
                    .withEnvSyntax(JSON_OR_WORDS);
    static final ConfigKey<String> ENV = ConfigKey.of("env", string(), null);
    static final ConfigKey<Boolean> LOGS_ENABLED = ConfigKey.of("logs_enabled", bool(), true);
    static final ConfigKey<Path> RUN_PATH = ConfigKey.of("run_path", path(), null);
    static final ConfigKey<Path> CONFD_PATH = ConfigKey.of("confd_path", path(), null);
    static final ConfigKey<String> CMD_HOST = ConfigKey.of("cmd_host", string(), "127.0.0.1");
    static final ConfigKey<Integer> CMD_PORT = ConfigKey.of("cmd_port", integer(0, 65535), 5001);
    static final ConfigKey<Integer> EXPVAR_PORT = ConfigKey.of("expvar_port", integer(0, 65535), 5000);
    static final ConfigKey<String> DOCKER_HOST =
            ConfigKey.of("docker_host", string(), "unix:///var/run/docker.sock").alsoFromEnv("DOCKER_HOST");
    static final ConfigKey<Map<String, String>> CONTAINER_LABELS_AS_TAGS =
            ConfigKey.of("container_labels_as_tags", ValueReaders.stringMap(), Map.<String, String>of())
                    .withEnvSyntax(JSON);
    static final ConfigKey<Map<String, String>> CONTAINER_ENV_AS_TAGS =
            ConfigKey.of("container_env_as_tags", ValueReaders.stringMap(), Map.<String, String>of())
                    .withEnvSyntax(JSON);
    static final ConfigKey<Map<String, String>> KUBERNETES_POD_LABELS_AS_TAGS =
            ConfigKey.of("kubernetes_pod_labels_as_tags", ValueReaders.stringMap(), Map.<String, String>of())
                    .withEnvSyntax(JSON);
    static final ConfigKey<Map<String, String>> KUBERNETES_POD_ANNOTATIONS_AS_TAGS =
            ConfigKey.of("kubernetes_pod_annotations_as_tags", ValueReaders.stringMap(), Map.<String, String>of())
                    .withEnvSyntax(JSON);

    static final ConfigKey<String> LOGS_DD_URL = logs("logs_dd_url", ValueReaders.hostPort(), null);
    static final ConfigKey<Boolean> LOGS_NO_SSL = logs("logs_no_ssl", bool(), false);
    static final ConfigKey<Boolean> USE_HTTP = logs("use_http", bool(), false);
    static final ConfigKey<Boolean> FORCE_USE_HTTP = logs("force_use_http", bool(), false);
    static final ConfigKey<Boolean> USE_TCP = logs("use_tcp", bool(), false);
    static final ConfigKey<Boolean> FORCE_USE_TCP = logs("force_use_tcp", bool(), false);
    static final ConfigKey<Boolean> USE_COMPRESSION = logs("use_compression", bool(), true);
    static final ConfigKey<CompressionKind> COMPRESSION_KIND = logs("compression_kind",
            ValueReaders.oneOf(CompressionKind.values(), CompressionKind::key), CompressionKind.ZSTD);
    static final ConfigKey<Integer> ZSTD_COMPRESSION_LEVEL = logs("zstd_compression_level", integer(1, 22), 1);
    static final ConfigKey<Integer> COMPRESSION_LEVEL = logs("compression_level", integer(0, 9), 6);
    static final ConfigKey<Duration> BATCH_WAIT =
            logs("batch_wait", duration(ChronoUnit.SECONDS, above(0, 60)), Duration.ofSeconds(5));
    static final ConfigKey<Integer> BATCH_MAX_SIZE = logs("batch_max_size", integer(1, 100_000), 1000);
    static final ConfigKey<Integer> BATCH_MAX_CONTENT_SIZE =
            logs("batch_max_content_size", integer(1000, 50_000_000), 5_000_000);
    static final ConfigKey<Integer> BATCH_MAX_CONCURRENT_SEND = logs("batch_max_concurrent_send", integer(0, 100), 0);
    static final ConfigKey<Double> SENDER_BACKOFF_BASE = logs("sender_backoff_base", decimal(above(0, 3600)), 1.0);
    static final ConfigKey<Double> SENDER_BACKOFF_FACTOR = logs("sender_backoff_factor", decimal(between(1, 100)), 2.0);
    static final ConfigKey<Double> SENDER_BACKOFF_MAX = logs("sender_backoff_max", decimal(above(0, 86_400)), 120.0);
    static final ConfigKey<Double> SENDER_RECOVERY_INTERVAL =
            logs("sender_recovery_interval", decimal(between(1, 1000)), 2.0);
    static final ConfigKey<Duration> STOP_GRACE_PERIOD =
            logs("stop_grace_period", duration(ChronoUnit.SECONDS, above(0, 3600)), Duration.ofSeconds(30));
    static final ConfigKey<Integer> OPEN_FILES_LIMIT = logs("open_files_limit", integer(1, 1_000_000), 500);
    static final ConfigKey<Duration> FILE_SCAN_PERIOD =
            logs("file_scan_period", duration(ChronoUnit.SECONDS, above(0, 3600)), Duration.ofSeconds(10));
    static final ConfigKey<Duration> CLOSE_TIMEOUT =
            logs("close_timeout", duration(ChronoUnit.SECONDS, between(0, 86_400)), Duration.ofSeconds(60));
    static final ConfigKey<Integer> MAX_MESSAGE_SIZE_BYTES =
            logs("max_message_size_bytes", integer(1, 50_000_000), 256_000);
    static final ConfigKey<Duration> AGGREGATION_TIMEOUT =
            logs("aggregation_timeout", duration(ChronoUnit.MILLIS, above(0, 3_600_000)), Duration.ofMillis(1000));
    static final ConfigKey<List<ProcessingRuleConfig>> PROCESSING_RULES =
            logs("processing_rules", new ProcessingRulesReader(), List.<ProcessingRuleConfig>of()).withEnvSyntax(JSON);
    static final ConfigKey<Boolean> AUTO_MULTI_LINE_DETECTION = logs("auto_multi_line_detection", bool(), false);
    static final ConfigKey<Boolean> CONTAINER_COLLECT_ALL = logs("container_collect_all", bool(), false);
    static final ConfigKey<List<EndpointConfig>> ADDITIONAL_ENDPOINTS =
            logs("additional_endpoints", new EndpointsReader(), List.<EndpointConfig>of()).withEnvSyntax(JSON);
    static final ConfigKey<String> LOGS_API_KEY = logs("api_key", string(), null);
    static final ConfigKey<Integer> PIPELINES =
            logs("pipelines", integer(1, 32), Math.min(4, Runtime.getRuntime().availableProcessors()));
    static final ConfigKey<Duration> AUDITOR_TTL =
            logs("auditor_ttl", duration(ChronoUnit.HOURS, above(0, 8760)), Duration.ofHours(23));
    static final ConfigKey<Boolean> CONSOLE_OUTPUT = logs("console_output", bool(), false);
    static final ConfigKey<Path> FILE_OUTPUT = logs("file_output", path(), null);
    static final ConfigKey<Path> DOCKER_PATH_OVERRIDE =
            logs("docker_path_override", path(), Path.of("/var/lib/docker/containers"));
    static final ConfigKey<Path> PODS_PATH = logs("pods_path", path(), Path.of("/var/log/pods"));
    static final ConfigKey<FileSelectionMode> FILE_WILDCARD_SELECTION_MODE = logs("file_wildcard_selection_mode",
            ValueReaders.oneOf(FileSelectionMode.values(), FileSelectionMode::key), FileSelectionMode.BY_NAME);

    static final String KAFKA = LOGS_CONFIG + ".kafka";
    static final String KAFKA_SECURITY = KAFKA + ".security";
    static final ConfigKey<List<String>> KAFKA_BOOTSTRAP_SERVERS =
            kafka("bootstrap_servers", ValueReaders.stringList(ValueReaders.COMMA), List.<String>of())
                    .withEnvSyntax(JSON_OR_WORDS);
    static final ConfigKey<String> KAFKA_TOPIC = kafka("topic", string(), null);
    static final ConfigKey<KafkaConfig.Compression> KAFKA_COMPRESSION = kafka("compression",
            ValueReaders.oneOf(KafkaConfig.Compression.values(), KafkaConfig.Compression::key),
            KafkaConfig.Compression.ZSTD);
    static final ConfigKey<KafkaConfig.Acks> KAFKA_ACKS = kafka("acks",
            ValueReaders.oneOf(KafkaConfig.Acks.values(), KafkaConfig.Acks::key), KafkaConfig.Acks.ALL);
    static final ConfigKey<String> KAFKA_CLIENT_ID = kafka("client_id", string(), null);
    static final ConfigKey<KafkaConfig.Protocol> KAFKA_SECURITY_PROTOCOL = kafka("security.protocol",
            ValueReaders.oneOf(KafkaConfig.Protocol.values(), Enum::name), KafkaConfig.Protocol.PLAINTEXT);
    static final ConfigKey<KafkaConfig.SaslMechanism> KAFKA_SASL_MECHANISM = kafka("security.sasl_mechanism",
            ValueReaders.oneOf(KafkaConfig.SaslMechanism.values(), KafkaConfig.SaslMechanism::key),
            KafkaConfig.SaslMechanism.PLAIN);
    static final ConfigKey<String> KAFKA_SASL_USERNAME = kafka("security.sasl_username", string(), null);
    static final ConfigKey<String> KAFKA_SASL_PASSWORD = kafka("security.sasl_password", string(), null);
    static final ConfigKey<Path> KAFKA_SSL_TRUSTSTORE_PATH = kafka("security.ssl_truststore_path", path(), null);
    static final ConfigKey<String> KAFKA_SSL_TRUSTSTORE_PASSWORD =
            kafka("security.ssl_truststore_password", string(), null);
    static final ConfigKey<Path> KAFKA_SSL_KEYSTORE_PATH = kafka("security.ssl_keystore_path", path(), null);
    static final ConfigKey<String> KAFKA_SSL_KEYSTORE_PASSWORD = kafka("security.ssl_keystore_password", string(), null);
    static final ConfigKey<String> KAFKA_SSL_KEY_PASSWORD = kafka("security.ssl_key_password", string(), null);
    static final ConfigKey<Map<String, String>> KAFKA_PRODUCER =
            kafka("producer", ValueReaders.stringMap(), Map.<String, String>of()).withEnvSyntax(JSON);

    static final List<ConfigKey<?>> ALL = List.of(API_KEY, SITE, HOSTNAME, TAGS, ENV, LOGS_ENABLED, RUN_PATH,
            CONFD_PATH, CMD_HOST, CMD_PORT, EXPVAR_PORT, DOCKER_HOST, CONTAINER_LABELS_AS_TAGS, CONTAINER_ENV_AS_TAGS,
            KUBERNETES_POD_LABELS_AS_TAGS, KUBERNETES_POD_ANNOTATIONS_AS_TAGS, LOGS_DD_URL, LOGS_NO_SSL, USE_HTTP,
            FORCE_USE_HTTP, USE_TCP, FORCE_USE_TCP, USE_COMPRESSION, COMPRESSION_KIND, ZSTD_COMPRESSION_LEVEL,
            COMPRESSION_LEVEL, BATCH_WAIT, BATCH_MAX_SIZE, BATCH_MAX_CONTENT_SIZE, BATCH_MAX_CONCURRENT_SEND,
            SENDER_BACKOFF_BASE, SENDER_BACKOFF_FACTOR, SENDER_BACKOFF_MAX, SENDER_RECOVERY_INTERVAL,
            STOP_GRACE_PERIOD, OPEN_FILES_LIMIT, FILE_SCAN_PERIOD, CLOSE_TIMEOUT, MAX_MESSAGE_SIZE_BYTES,
            AGGREGATION_TIMEOUT, PROCESSING_RULES, AUTO_MULTI_LINE_DETECTION, CONTAINER_COLLECT_ALL,
            ADDITIONAL_ENDPOINTS, LOGS_API_KEY, PIPELINES, AUDITOR_TTL, CONSOLE_OUTPUT, FILE_OUTPUT,
            DOCKER_PATH_OVERRIDE, PODS_PATH, FILE_WILDCARD_SELECTION_MODE, KAFKA_BOOTSTRAP_SERVERS, KAFKA_TOPIC,
            KAFKA_COMPRESSION, KAFKA_ACKS, KAFKA_CLIENT_ID, KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM,
            KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD, KAFKA_SSL_TRUSTSTORE_PATH, KAFKA_SSL_TRUSTSTORE_PASSWORD,
            KAFKA_SSL_KEYSTORE_PATH, KAFKA_SSL_KEYSTORE_PASSWORD, KAFKA_SSL_KEY_PASSWORD, KAFKA_PRODUCER);

    private ConfigKeys() {
    }

    /** The key names directly under {@code prefix} ("" for the top level), sections included. */
    static Set<String> namesUnder(String prefix) {
        String start = prefix.isEmpty() ? "" : prefix + ".";
        return ALL.stream()
                .map(ConfigKey::path)
                .filter(path -> path.startsWith(start))
                .map(path -> path.substring(start.length()).split("\\.")[0])
                .collect(Collectors.toUnmodifiableSet());
    }

    private static <T> ConfigKey<T> logs(String name, ValueReader<T> reader, T defaultValue) {
        return ConfigKey.of(LOGS_CONFIG + "." + name, reader, defaultValue);
    }

    private static <T> ConfigKey<T> kafka(String name, ValueReader<T> reader, T defaultValue) {
        return ConfigKey.of(KAFKA + "." + name, reader, defaultValue);
    }
}
