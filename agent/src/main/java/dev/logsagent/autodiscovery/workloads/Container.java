package dev.logsagent.autodiscovery.workloads;

import java.util.List;
import java.util.Map;

/**
 * A container as the listeners saw it, for providers (labels) and the tagger.
 *
 * @param runtime  {@code docker} or {@code containerd}
 * @param image    as the runtime reports it, e.g. {@code redis:7.2}
 * @param podUid   the pod it belongs to, or null outside Kubernetes
 * @param logPath  the runtime's log file (docker json-file), or null when the runtime does not say
 */
public record Container(String id, String runtime, String name, String image, Map<String, String> labels,
                        Map<String, String> env, boolean running, int pid, String hostname,
                        Map<String, String> ipAddresses, List<Integer> ports, String podUid, String logPath) {
    public Container {
        labels = Map.copyOf(labels);
        env = Map.copyOf(env);
        ipAddresses = Map.copyOf(ipAddresses);
        ports = List.copyOf(ports);
    }

    public String serviceId() {
        return runtime + "://" + id;
    }
}
