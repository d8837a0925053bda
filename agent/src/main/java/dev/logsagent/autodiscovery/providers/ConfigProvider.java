package dev.logsagent.autodiscovery.providers;

import dev.logsagent.autodiscovery.IntegrationConfig;
import dev.logsagent.config.FailedSource;
import dev.logsagent.errors.ConfigProblem;

import java.util.List;

/**
 * A source of integration configs (conf.d, container labels, pod annotations), polled by a config poller on its
 * own interval: when it is not up to date, everything it yields now is collected and diffed with the last time.
 * A provider validates what it can before yielding it and reports the rest in {@link #problems()}: a non-template
 * config is checked by its provider (which knows where each entry was written); a template only once its variables
 * are resolved.
 */
public interface ConfigProvider {
    String name();

    /** False when {@link #collect()} may yield something new. */
    boolean isUpToDate() throws Exception;

    List<IntegrationConfig> collect() throws Exception;

    /** What the last {@link #collect()} refused (a broken file, bad JSON in a label), each naming where it was. */
    default List<FailedSource> problems() {
        return List.of();
    }

    /** What the last {@link #collect()} accepted with a warning, such as an unknown key. */
    default List<ConfigProblem> warnings() {
        return List.of();
    }
}
