package dev.logsagent.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The main config file ({@code datadog.yaml}) with environment overrides applied, bound and validated once at
 * start. Components receive the part they need at construction; nothing reads a global config.
 *
 * @param configFile        where it was read from; null when the agent runs on defaults only
 * @param confdPathExplicit true when {@code confd_path} was set (file or environment): then it must exist
 * @param asTags            container labels/env and pod labels/annotations that become tags
 */
public record AgentConfig(
        Path configFile,
        String apiKey,
        String site,
        String hostname,
        List<String> tags,
        String env,
        boolean logsEnabled,
        Path runPath,
        Path confdPath,
        String cmdHost,
        int cmdPort,
        int expvarPort,
        String dockerHost,
        LogsConfig logsConfig,
        boolean confdPathExplicit,
        AsTagsConfig asTags) {

    public AgentConfig {
        tags = List.copyOf(tags);
    }

    /** {@code logs_config.api_key} wins over the top-level {@code api_key}, as in the Datadog Agent. */
    public String effectiveApiKey() {
        String key = logsConfig.apiKey();
        return key != null && !key.isBlank() ? key : apiKey;
    }

    @Override
    public String toString() {
        return "AgentConfig[configFile=" + configFile + ", apiKey=" + Secrets.redact(apiKey) + ", site=" + site
                + ", hostname=" + hostname + ", runPath=" + runPath + ", confdPath=" + confdPath + ", logsConfig="
                + logsConfig + "]";
    }
}
