package dev.logsagent.autodiscovery.providers;

import dev.logsagent.autodiscovery.IntegrationConfig;
import dev.logsagent.autodiscovery.workloads.Pod;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.config.FailedSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pod annotations {@code ad.datadoghq.com/<container>.logs} (or the legacy
 * {@code service-discovery.datadoghq.com/<container>.logs}, used only when the first is absent): one template per
 * annotated container, matching that container by the id the kubelet reports ({@code containerd://...}). An
 * annotation that is not a JSON list is reported and skipped; the others still count. Up to date while the workload
 * store has not changed.
 */
public final class KubeletAnnotationsProvider implements ConfigProvider {
    public static final String NAME = "kubelet";
    private static final String PREFIX = "ad.datadoghq.com/";
    private static final String LEGACY_PREFIX = "service-discovery.datadoghq.com/";
    private static final String SUFFIX = ".logs";

    private final WorkloadStore workloads;
    private volatile long collectedVersion = -1;
    private volatile List<FailedSource> problems = List.of();

    public KubeletAnnotationsProvider(WorkloadStore workloads) {
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
        List<Pod> pods = new ArrayList<>(workloads.pods());
        pods.sort(Comparator.comparing(Pod::uid));
        for (Pod pod : pods) {
            for (Pod.PodContainer container : pod.containers()) {
                String key = PREFIX + container.name() + SUFFIX;
                String value = pod.annotations().get(key);
                if (value == null) {
                    key = LEGACY_PREFIX + container.name() + SUFFIX;
                    value = pod.annotations().get(key);
                }
                // A container not started yet has no id to match; the pod comes back with it once it runs.
                if (value == null || container.id() == null) {
                    continue;
                }
                String origin = "annotation " + key + " of pod " + pod.namespace() + "/" + pod.name();
                LogsJson.Parsed parsed = LogsJson.parse(value, origin);
                if (parsed.problem() != null) {
                    refused.add(new FailedSource(container.name(), origin, List.of(parsed.problem())));
                } else {
                    configs.add(new IntegrationConfig(container.name(), NAME, origin, List.of(container.id()),
                            parsed.logs()));
                }
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
