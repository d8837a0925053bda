package dev.logsagent.autodiscovery.providers;

import dev.logsagent.autodiscovery.IntegrationConfig;
import dev.logsagent.autodiscovery.workloads.Container;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.config.FailedSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code com.datadoghq.ad.logs} label of containers (a JSON list of log sources): one template per labelled
 * container, matching only that container. A label that is not a JSON list is reported and skipped; the other
 * containers' labels still count. Up to date while the workload store has not changed.
 */
public final class ContainerLabelsProvider implements ConfigProvider {
    public static final String NAME = "docker";
    public static final String LOGS_LABEL = "com.datadoghq.ad.logs";

    private final WorkloadStore workloads;
    private volatile long collectedVersion = -1;
    private volatile List<FailedSource> problems = List.of();

    public ContainerLabelsProvider(WorkloadStore workloads) {
        this.workloads = workloads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isUpToDate() {
        return workloads.version() == collectedVersion;
    }

    @Override
    public List<IntegrationConfig> collect() {
        long version = workloads.version();
        List<IntegrationConfig> configs = new ArrayList<>();
        List<FailedSource> refused = new ArrayList<>();
        List<Container> containers = new ArrayList<>(workloads.containers());
        containers.sort(Comparator.comparing(Container::id));
        for (Container container : containers) {
            String value = container.labels().get(LOGS_LABEL);
            if (value == null) {
                continue;
            }
            String origin = "label " + LOGS_LABEL + " of container " + container.name() + " ("
                    + container.serviceId() + ")";
            LogsJson.Parsed parsed = LogsJson.parse(value, origin);
            if (parsed.problem() != null) {
                refused.add(new FailedSource(container.name(), origin, List.of(parsed.problem())));
            } else {
                configs.add(new IntegrationConfig(container.name(), NAME, origin, List.of(container.serviceId()),
                        parsed.logs()));
            }
        }
        problems = List.copyOf(refused);
        collectedVersion = version;
        return configs;
    }

    @Override
    public List<FailedSource> problems() {
        return problems;
    }
}
