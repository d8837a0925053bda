package dev.logsagent.autodiscovery.listeners;

import dev.logsagent.autodiscovery.listeners.docker.DockerClient;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.config.AgentConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Which service listeners this host calls for. In Kubernetes ({@code KUBERNETES_SERVICE_HOST} set, as in every
 * pod, or {@code DD_KUBERNETES_KUBELET_HOST}) the kubelet's pods are the containers to follow, whatever the
 * runtime; otherwise the Docker daemon, when its socket exists (or {@code docker_host} names a TCP address).
 * Never both: a container would otherwise be reported twice.
 */
public final class EnvironmentListeners {
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentListeners.class);
    private static final String UNIX = "unix://";

    private EnvironmentListeners() {
    }

    /**
     * @param env      the process environment
     * @param nodeName this host's name, the kubelet's host when the environment names none
     * @return the listeners to start, none when no container runtime is found
     */
    public static List<ServiceListener> detect(AgentConfig config, Map<String, String> env, String nodeName,
                                               WorkloadStore store) {
        if (isSet(env.get("KUBERNETES_SERVICE_HOST")) || isSet(env.get("DD_KUBERNETES_KUBELET_HOST"))) {
            try {
                KubeletSettings settings = KubeletSettings.fromEnvironment(env, nodeName,
                        config.logsConfig().podsPath());
                LOG.info("Kubernetes detected: following the pods of the kubelet at {}", settings.baseUri());
                return List.of(new KubeletListener(settings, store));
            } catch (IllegalArgumentException e) {
                LOG.warn("Kubernetes detected but the kubelet cannot be reached: {}", e.getMessage());
                return List.of();
            }
        }
        String dockerHost = config.dockerHost();
        if (dockerHost == null || (dockerHost.startsWith(UNIX)
                && !Files.exists(Path.of(dockerHost.substring(UNIX.length()))))) {
            LOG.debug("no docker socket at {}: no container is followed", dockerHost);
            return List.of();
        }
        try {
            DockerClient client = new DockerClient(dockerHost);
            LOG.info("docker detected at {}: following its containers", dockerHost);
            return List.of(new DockerListener(client, store, config.logsConfig().dockerPathOverride()));
        } catch (IllegalArgumentException e) {
            LOG.warn("docker_host {} is not usable: {}", dockerHost, e.getMessage());
            return List.of();
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
