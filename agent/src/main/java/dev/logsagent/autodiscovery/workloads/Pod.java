package dev.logsagent.autodiscovery.workloads;

import java.util.List;
import java.util.Map;

/**
 * A pod on this node, from the kubelet.
 *
 * @param owners     owner references as {@code kind/name}, e.g. {@code ReplicaSet/web-5d4f}
 * @param containers the pod's containers by name
 */
public record Pod(String uid, String name, String namespace, String phase, String ip, Map<String, String> labels,
                  Map<String, String> annotations, List<String> owners, List<PodContainer> containers) {
    public Pod {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        owners = List.copyOf(owners);
        containers = List.copyOf(containers);
    }

    /**
     * One container of a pod.
     *
     * @param id {@code <runtime>://<id>} as the kubelet reports it, or null before it started
     */
    public record PodContainer(String name, String image, String id, List<Integer> ports,
                               Map<String, String> portNames) {
        public PodContainer {
            ports = List.copyOf(ports);
            portNames = Map.copyOf(portNames);
        }
    }
}
