package dev.logsagent.autodiscovery.providers;

import dev.logsagent.autodiscovery.workloads.Pod;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;

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
public final class KubeletAnnotationsProvider extends WorkloadConfigProvider {
    public static final String NAME = "kubelet";
    private static final String PREFIX = "ad.datadoghq.com/";
    private static final String LEGACY_PREFIX = "service-discovery.datadoghq.com/";
    private static final String SUFFIX = ".logs";

    public KubeletAnnotationsProvider(WorkloadStore workloads) {
        super(workloads);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected void scan(Found found) {
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
                found.add(container.name(), "annotation " + key + " of pod " + pod.namespace() + "/" + pod.name(),
                        container.id(), value);
            }
        }
    }
}
