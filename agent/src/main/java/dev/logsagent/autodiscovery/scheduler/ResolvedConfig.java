package dev.logsagent.autodiscovery.scheduler;

import dev.logsagent.autodiscovery.IntegrationConfig;
import dev.logsagent.autodiscovery.Service;
import dev.logsagent.config.SourceConfig;

import java.util.List;

/**
 * A config ready to run: a non-template config as it is, or a template resolved against one service.
 *
 * @param service null for a config that is not a template
 * @param sources the log sources it defines, template variables substituted
 */
public record ResolvedConfig(IntegrationConfig config, Service service, List<SourceConfig> sources) {
    public ResolvedConfig {
        sources = List.copyOf(sources);
    }

    /** Identifies this resolution: a config resolved for one service. */
    public String key() {
        return config.digest() + (service == null ? "" : "@" + service.serviceId());
    }
}
