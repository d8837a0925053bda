package dev.logsagent.autodiscovery.providers;

import dev.logsagent.autodiscovery.IntegrationConfig;

import java.util.List;

/**
 * A source of integration configs (conf.d, container labels, pod annotations), polled by a config poller on its
 * own interval: when it is not up to date, everything it yields now is collected and diffed with the last time.
 */
public interface ConfigProvider {
    String name();

    /** False when {@link #collect()} may yield something new. */
    boolean isUpToDate() throws Exception;

    List<IntegrationConfig> collect() throws Exception;
}
