package dev.logsagent.autodiscovery.listeners;

import dev.logsagent.autodiscovery.Service;
import dev.logsagent.autodiscovery.ServicePort;
import dev.logsagent.autodiscovery.listeners.docker.ContainerInfo;
import dev.logsagent.autodiscovery.workloads.Container;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an inspected docker container becomes: a {@link Container} for the workload store and a {@link Service}
 * for autodiscovery. Its log file is looked for under {@code docker_path_override} rather than at the daemon's
 * {@code LogPath}, so an agent that sees the host's folder mounted elsewhere still finds it.
 */
final class DockerServices {
    static final String RUNTIME = "docker";
    /** Set by the kubelet's dockershim on the sandbox ("pause") container of each pod. */
    private static final String SANDBOX_LABEL = "io.kubernetes.docker.type";
    private static final String POD_UID_LABEL = "io.kubernetes.pod.uid";

    private DockerServices() {
    }

    /** A pod's sandbox container runs no workload and writes no logs worth collecting. */
    static boolean isSandbox(ContainerInfo info) {
        return "podsandbox".equals(info.labels().get(SANDBOX_LABEL));
    }

    static Path logPath(Path dockerContainersPath, String id) {
        return dockerContainersPath.resolve(id).resolve(id + "-json.log");
    }

    static Container container(ContainerInfo info, Path dockerContainersPath) {
        return new Container(info.id(), RUNTIME, info.name(), info.image(), info.labels(), info.env(), info.running(),
                (int) info.pid(), info.hostname(), info.ipAddresses(), info.exposedPorts(),
                info.labels().get(POD_UID_LABEL), logPath(dockerContainersPath, info.id()).toString());
    }

    static Service service(Container container) {
        String serviceId = container.serviceId();
        List<ServicePort> ports = container.ports().stream().map(port -> new ServicePort(port, null)).toList();
        return new Service(serviceId, RUNTIME, AdIdentifiers.of(serviceId, container.image()),
                container.ipAddresses(), ports, container.pid(), container.hostname(), Map.of(),
                container.logPath());
    }
}
