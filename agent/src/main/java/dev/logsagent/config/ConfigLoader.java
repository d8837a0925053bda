package dev.logsagent.config;

import dev.logsagent.errors.ConfigException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.Map;

import static dev.logsagent.config.ConfigKeys.*;

/**
 * Reads the main config file and the {@code DD_*} environment into an {@link AgentConfig}. Binding is done by
 * hand from the YAML tree so that every problem is collected and reported at once, each with its place.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * @param configFile the {@code datadog.yaml}-style file; null to run on defaults and the environment only
     * @param env        the environment, {@code System.getenv()} in production
     * @throws ConfigException listing every problem found in the file and the environment
     */
    public static LoadedConfig load(Path configFile, Map<String, String> env) {
        YamlDocument document = configFile == null ? YamlDocument.empty() : YamlDocument.read(configFile);
        Diagnostics diagnostics = new Diagnostics();
        ConfigNode fileRoot = ConfigNode.root(document.root(), document.locator(), diagnostics);
        ObjectNode tree = fileRoot.expectMapping()
                ? (ObjectNode) document.root()
                : JsonNodeFactory.instance.objectNode();
        EnvironmentOverrides.apply(tree, env, document.locator(), diagnostics);

        ConfigNode root = ConfigNode.root(tree, document.locator(), diagnostics);
        root.warnUnknownKeys(namesUnder(""));
        ConfigNode logs = root.field(LOGS_CONFIG);
        if (logs.expectMapping()) {
            logs.warnUnknownKeys(namesUnder(LOGS_CONFIG));
        }
        Path baseDir = configFile == null
                ? Path.of("").toAbsolutePath()
                : configFile.toAbsolutePath().getParent();
        AgentConfig config = bind(new Values(root, baseDir), configFile);
        if (diagnostics.hasErrors()) {
            throw new ConfigException(diagnostics.errors());
        }
        return new LoadedConfig(config, diagnostics.warnings());
    }

    private static AgentConfig bind(Values values, Path configFile) {
        Path confd = values.path(CONFD_PATH);
        Path runPath = values.path(RUN_PATH);
        return new AgentConfig(configFile, values.get(API_KEY), values.get(SITE), values.get(HOSTNAME),
                values.get(TAGS), values.get(ENV), values.get(LOGS_ENABLED),
                runPath == null ? values.resolve(Path.of("run")) : runPath,
                confd == null ? values.resolve(Path.of("conf.d")) : confd,
                values.get(CMD_HOST), values.get(CMD_PORT), values.get(EXPVAR_PORT), values.get(DOCKER_HOST),
                bindLogs(values), confd != null, new AsTagsConfig(values.get(CONTAINER_LABELS_AS_TAGS),
                        values.get(CONTAINER_ENV_AS_TAGS), values.get(KUBERNETES_POD_LABELS_AS_TAGS),
                        values.get(KUBERNETES_POD_ANNOTATIONS_AS_TAGS)));
    }

    private static LogsConfig bindLogs(Values values) {
        return new LogsConfig(values.get(LOGS_DD_URL), values.get(LOGS_NO_SSL), values.get(USE_HTTP),
                values.get(FORCE_USE_HTTP), values.get(USE_TCP), values.get(FORCE_USE_TCP),
                values.get(USE_COMPRESSION), values.get(COMPRESSION_KIND), values.get(ZSTD_COMPRESSION_LEVEL),
                values.get(COMPRESSION_LEVEL), values.get(BATCH_WAIT), values.get(BATCH_MAX_SIZE),
                values.get(BATCH_MAX_CONTENT_SIZE),
                // 0 means "one payload in flight", as in the Datadog Agent.
                Math.max(1, values.get(BATCH_MAX_CONCURRENT_SEND)),
                values.get(SENDER_BACKOFF_BASE), values.get(SENDER_BACKOFF_FACTOR), values.get(SENDER_BACKOFF_MAX),
                values.get(SENDER_RECOVERY_INTERVAL), values.get(STOP_GRACE_PERIOD), values.get(OPEN_FILES_LIMIT),
                values.get(FILE_SCAN_PERIOD), values.get(CLOSE_TIMEOUT), values.get(MAX_MESSAGE_SIZE_BYTES),
                values.get(AGGREGATION_TIMEOUT), values.get(PROCESSING_RULES), values.get(AUTO_MULTI_LINE_DETECTION),
                values.get(CONTAINER_COLLECT_ALL), values.get(ADDITIONAL_ENDPOINTS), values.get(LOGS_API_KEY),
                values.get(PIPELINES), values.get(AUDITOR_TTL), values.get(CONSOLE_OUTPUT),
                values.path(FILE_OUTPUT), values.path(DOCKER_PATH_OVERRIDE), values.path(PODS_PATH),
                values.get(FILE_WILDCARD_SELECTION_MODE), KafkaConfigBinder.bind(values));
    }

    /** Reads keys of the merged tree, falling back to defaults; relative paths are taken from the config's folder. */
    record Values(ConfigNode root, Path baseDir) {
        <T> T get(ConfigKey<T> key) {
            T value = root.at(key.path()).read(key.reader());
            return value == null ? key.defaultValue() : value;
        }

        Path path(ConfigKey<Path> key) {
            Path value = get(key);
            return value == null ? null : resolve(value);
        }

        Path resolve(Path path) {
            return baseDir.resolve(path).normalize();
        }
    }
}
