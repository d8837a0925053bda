package dev.logsagent.autodiscovery.providers;

import dev.logsagent.autodiscovery.IntegrationConfig;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.config.FailedSource;

import java.util.ArrayList;
import java.util.List;

/**
 * What the providers reading workload metadata (container labels, pod annotations) share: they are up to date
 * while the workload store has not changed, each value is a JSON list of log sources that becomes a template for
 * one container, and a value that does not parse is reported without stopping the others.
 */
abstract sealed class WorkloadConfigProvider implements ConfigProvider
        permits ContainerLabelsProvider, KubeletAnnotationsProvider {

    /** Collects the templates of one pass. */
    protected static final class Found {
        private final String provider;
        private final List<IntegrationConfig> configs = new ArrayList<>();
        private final List<FailedSource> refused = new ArrayList<>();

        private Found(String provider) {
            this.provider = provider;
        }

        /** A container's logs value: a template matching only {@code serviceId}, or a reported problem. */
        void add(String container, String origin, String serviceId, String value) {
            LogsJson.Parsed parsed = LogsJson.parse(value, origin);
            if (parsed.problem() != null) {
                refused.add(new FailedSource(container, origin, List.of(parsed.problem())));
            } else {
                configs.add(new IntegrationConfig(container, provider, origin, List.of(serviceId), parsed.logs()));
            }
        }
    }

    protected final WorkloadStore workloads;
    private volatile long collectedVersion = -1;
    private volatile List<FailedSource> problems = List.of();

    protected WorkloadConfigProvider(WorkloadStore workloads) {
        this.workloads = workloads;
    }

    /** Adds what the workloads carry now to {@code found}, in a stable order. */
    protected abstract void scan(Found found);

    @Override
    public final boolean isUpToDate() {
        return workloads.version() == collectedVersion;
    }

    @Override
    public final List<IntegrationConfig> collect() {
        long version = workloads.version();
        Found found = new Found(name());
        scan(found);
        problems = List.copyOf(found.refused);
        collectedVersion = version;
        return found.configs;
    }

    @Override
    public final List<FailedSource> problems() {
        return problems;
    }
}
