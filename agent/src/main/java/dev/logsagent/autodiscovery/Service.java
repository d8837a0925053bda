package dev.logsagent.autodiscovery;

import java.util.List;
import java.util.Map;

/**
 * Something running that configs can be attached to: a container (docker, containerd) seen by a service listener.
 * A template matches a service when they share an AD identifier.
 *
 * @param serviceId     {@code <runtime>://<container id>}, e.g. {@code docker://4f2e...}; the log source's identifier
 * @param runtime       {@code docker} or {@code containerd}
 * @param adIdentifiers the service id, image name, short image (e.g. {@code redis}) ...
 * @param hosts         network name -> IP address, for {@code %%host%%} / {@code %%host_<network>%%}
 * @param ports         exposed ports, sorted, for {@code %%port%%} / {@code %%port_<index|name>%%}
 * @param pid           0 when unknown
 * @param hostname      the container's hostname, for {@code %%hostname%%}
 * @param kube          pod facts for {@code %%kube_<field>%%}: {@code pod_name}, {@code namespace}, {@code pod_uid},
 *                      {@code container_name}; empty outside Kubernetes
 * @param logPath       where the runtime writes the container's log (docker json-file, or a CRI folder glob)
 */
public record Service(String serviceId, String runtime, List<String> adIdentifiers, Map<String, String> hosts,
                      List<ServicePort> ports, int pid, String hostname, Map<String, String> kube, String logPath) {

    public Service {
        adIdentifiers = List.copyOf(adIdentifiers);
        hosts = Map.copyOf(hosts);
        ports = List.copyOf(ports);
        kube = Map.copyOf(kube);
    }

    /** The container id without its runtime prefix. */
    public String containerId() {
        int sep = serviceId.indexOf("://");
        return sep < 0 ? serviceId : serviceId.substring(sep + 3);
    }
}
