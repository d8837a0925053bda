package dev.logsagent.autodiscovery.listeners;

import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.config.AgentConfig;
import dev.logsagent.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentListenersTest {
    @TempDir
    Path dir;
    private final WorkloadStore store = new WorkloadStore();

    private List<String> detected(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("DD_DOCKER_HOST", "unix://" + dir.resolve("docker.sock"));
        AgentConfig config = ConfigLoader.load(null, all).config();
        List<ServiceListener> listeners = EnvironmentListeners.detect(config, all, "node-1", store);
        listeners.forEach(ServiceListener::close);
        return listeners.stream().map(ServiceListener::name).toList();
    }

    @Test
    void followsDockerWhenItsSocketIsThere() throws IOException {
        try (ServerSocketChannel socket = dockerSocket()) {
            assertThat(detected(Map.of())).containsExactly("docker");
        }
    }

    @Test
    void followsNothingWithoutADockerSocketOutsideKubernetes() {
        assertThat(detected(Map.of())).isEmpty();
    }

    @Test
    void followsADaemonNamedByItsTcpAddress() {
        assertThat(detected(Map.of("DD_DOCKER_HOST", "tcp://127.0.0.1:2375"))).containsExactly("docker");
    }

    @Test
    void followsTheKubeletInAPodEvenWithADockerSocketMounted() throws IOException {
        try (ServerSocketChannel socket = dockerSocket()) {
            assertThat(detected(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1"))).containsExactly("kubelet");
        }
    }

    @Test
    void buildsTheKubeletAddressFromTheEnvironment() {
        KubeletSettings settings = KubeletSettings.fromEnvironment(Map.of("DD_KUBERNETES_KUBELET_HOST", "10.0.2.15",
                "DD_KUBELET_TLS_VERIFY", "false"), "node-1", Path.of("/var/log/pods"));
        assertThat(settings.baseUri()).hasToString("https://10.0.2.15:10250");
        assertThat(settings.tlsVerify()).isFalse();
        assertThat(settings.tokenFile()).isEqualTo(KubeletSettings.SERVICE_ACCOUNT.resolve("token"));

        KubeletSettings byNode = KubeletSettings.fromEnvironment(Map.of("DD_KUBERNETES_HTTPS_KUBELET_PORT", "10443"),
                "fe80::1", Path.of("/var/log/pods"));
        assertThat(byNode.baseUri()).hasToString("https://[fe80::1]:10443");
        assertThat(byNode.tlsVerify()).isTrue();
    }

    private ServerSocketChannel dockerSocket() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("docker.sock")));
        return server;
    }
}
