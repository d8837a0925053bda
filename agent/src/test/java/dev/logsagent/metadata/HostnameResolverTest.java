package dev.logsagent.metadata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostnameResolverTest {
    @TempDir
    Path dir;

    @Test
    void prefersTheConfiguredHostname() throws IOException {
        Path etc = Files.writeString(dir.resolve("hostname"), "os-name\n");

        assertThat(HostnameResolver.resolve(" web-1 ", Map.of("DD_HOSTNAME", "env-name"), () -> "node-1", etc))
                .isEqualTo(new ResolvedHostname("web-1", "configuration"));
    }

    @Test
    void thenDdHostnameThenTheKubernetesNodeThenTheOperatingSystem() throws IOException {
        Path etc = Files.writeString(dir.resolve("hostname"), "agent-pod-x7k2p\n");

        assertThat(HostnameResolver.resolve(null, Map.of("DD_HOSTNAME", "env-name"), () -> "node-1", etc))
                .isEqualTo(new ResolvedHostname("env-name", "DD_HOSTNAME"));
        assertThat(HostnameResolver.resolve("", Map.of(), () -> "node-1", etc))
                .isEqualTo(new ResolvedHostname("node-1", "kubelet"));
        assertThat(HostnameResolver.resolve("", Map.of(), () -> null, etc))
                .isEqualTo(new ResolvedHostname("agent-pod-x7k2p", "os"));
    }

    @Test
    void fallsBackToTheHostnameVariableWithoutEtcHostname() {
        assertThat(HostnameResolver.resolve(null, Map.of("HOSTNAME", "from-env"), () -> " ", dir.resolve("none")))
                .isEqualTo(new ResolvedHostname("from-env", "os"));
    }
}
