package dev.logsagent.autodiscovery.providers;

import dev.logsagent.autodiscovery.workloads.Container;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code com.datadoghq.ad.logs} label of containers (a JSON list of log sources): one template per labelled
 * container, matching only that container. A label that is not a JSON list is reported and skipped; the other
 * containers' labels still count. Up to date while the workload store has not changed.
 */
public final class ContainerLabelsProvider extends WorkloadConfigProvider {
    public static final String NAME = "docker";
    public static final String LOGS_LABEL = "com.datadoghq.ad.logs";

    public ContainerLabelsProvider(WorkloadStore workloads) {
        super(workloads);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected void scan(Found found) {
        List<Container> containers = new ArrayList<>(workloads.containers());
        containers.sort(Comparator.comparing(Container::id));
        for (Container container : containers) {
            String value = container.labels().get(LOGS_LABEL);
            if (value != null) {
                found.add(container.name(), "label " + LOGS_LABEL + " of container " + container.name() + " ("
                        + container.serviceId() + ")", container.serviceId(), value);
            }
        }
    }
}
