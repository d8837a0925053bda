package dev.logsagent.autodiscovery.configresolver;

import dev.logsagent.autodiscovery.RecordedWorkloads;
import dev.logsagent.autodiscovery.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.Map;

import static dev.logsagent.autodiscovery.RecordedWorkloads.BUSYBOX_INSPECT;
import static dev.logsagent.autodiscovery.RecordedWorkloads.CONTAINERD_PODLIST;
import static dev.logsagent.autodiscovery.RecordedWorkloads.COREDNS_POD;
import static dev.logsagent.autodiscovery.RecordedWorkloads.REDIS_POD;
import static dev.logsagent.autodiscovery.RecordedWorkloads.REDIS_PODLIST;
import static dev.logsagent.autodiscovery.RecordedWorkloads.UBUNTU_INSPECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every template variable against services built from recorded docker and kubelet payloads. */
class TemplateSubstitutionTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> ENVIRONMENT = Map.of("LOG_DIR", "/var/log/app", "DEBUG", "true",
            "VERBOSE", "False", "RATIO", "0.5", "WORKERS", "-4", "BIG", "123456789012345678901234567890", "ZONE", "007", "ZERO", "0", "IP", "10.0.0.1");

    private final TemplateSubstitution substitution = new TemplateSubstitution(new TemplateVariables(ENVIRONMENT));

    private static Service service(String name) {
        Service ubuntu = RecordedWorkloads.service(RecordedWorkloads.container(UBUNTU_INSPECT, Map.of()));
        return switch (name) {
            case "ubuntu" -> ubuntu;
            case "busybox" -> RecordedWorkloads.service(RecordedWorkloads.container(BUSYBOX_INSPECT, Map.of()));
            case "redis" -> RecordedWorkloads.service(REDIS_PODLIST, REDIS_POD, "redis-unready");
            case "coredns" -> RecordedWorkloads.service(CONTAINERD_PODLIST, COREDNS_POD, "coredns");
            // The recorded container attached to a second network, then to two networks other than bridge.
            case "two-networks" -> withHosts(ubuntu, Map.of("bridge", "172.17.0.2", "backend", "10.0.9.4"));
            case "no-bridge" -> withHosts(ubuntu, Map.of("frontend", "10.0.8.2", "backend", "10.0.9.4"));
            case "no-network" -> withHosts(ubuntu, Map.of());
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Service withHosts(Service s, Map<String, String> hosts) {
        return new Service(s.serviceId(), s.runtime(), s.adIdentifiers(), hosts, s.ports(), s.pid(), s.hostname(),
                s.kube(), s.logPath());
    }

    @ParameterizedTest(name = "{1} for {0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            redis        | %%host%%                 | "192.168.253.15"
            ubuntu       | %%host%%                 | "172.17.0.2"
            ubuntu       | %%host_bridge%%          | "172.17.0.2"
            two-networks | %%host%%                 | "172.17.0.2"
            two-networks | %%host_backend%%         | "10.0.9.4"
            no-bridge    | %%host%%                 | "10.0.9.4"
            redis        | %%port%%                 | 6379
            coredns      | %%port%%                 | 9153
            coredns      | %%port_0%%               | 53
            coredns      | %%port_2%%               | 9153
            coredns      | %%port_metrics%%         | 9153
            coredns      | %%port_dns-tcp%%         | 53
            redis        | %%port_redis%%           | 6379
            busybox      | %%pid%%                  | 10912
            ubuntu       | %%hostname%%             | "ba033ac44011"
            busybox      | %%hostname%%             | "fc1243c01bbb"
            redis        | %%kube_namespace%%       | "default"
            redis        | %%kube_pod_name%%        | "redis-unready-69cfd574f5-wg9vb"
            redis        | %%kube_pod_uid%%         | "b4e03af2-8608-11e9-892f-02c6fa0ccfb0"
            redis        | %%kube_container_name%%  | "redis-unready"
            ubuntu       | %%env_LOG_DIR%%          | "/var/log/app"
            ubuntu       | %%env_DEBUG%%            | true
            ubuntu       | %%env_VERBOSE%%          | false
            ubuntu       | %%env_RATIO%%            | 0.5
            ubuntu       | %%env_WORKERS%%          | -4
            ubuntu       | %%env_BIG%%              | 123456789012345678901234567890
            ubuntu       | %%env_ZONE%%             | "007"
            ubuntu       | %%env_ZERO%%             | 0
            ubuntu       | %%env_IP%%               | "10.0.0.1"
            redis        | %%host%%:%%port%%        | "192.168.253.15:6379"
            redis        | port-%%port%%            | "port-6379"
            ubuntu       | %%env_DEBUG%% mode       | "true mode"
            redis        | /logs/%%kube_namespace%%/%%kube_pod_name%%.log | "/logs/default/redis-unready-69cfd574f5-wg9vb.log"
            ubuntu       | no variable              | "no variable"
            ubuntu       | 50%% done                | "50%% done"
            """)
    void resolvesEachVariableAndTypesAWholeValue(String service, String template, String expectedJson) throws Exception {
        JsonNode resolved = substitution.substitute(JsonNodeFactory.instance.stringNode(template), service(service));

        assertThat(resolved).isEqualTo(JSON.readTree(expectedJson));
    }

    @ParameterizedTest(name = "{1} for {0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ubuntu     | %%port%%             | %%port%%: the service exposes no port
            redis      | %%port_7%%           | %%port_7%%: no port at index 7 (the service exposes 1)
            redis      | %%port_http%%        | %%port_http%%: no port named http (ports: 6379/redis)
            ubuntu     | %%pid%%              | %%pid%%: the service's process id is unknown
            ubuntu     | %%host_overlay%%     | %%host_overlay%%: no network overlay (networks: [bridge])
            no-network | %%host%%             | %%host%%: the service has no network address
            ubuntu     | %%kube_namespace%%   | %%kube_namespace%%: the service is not in a Kubernetes pod
            redis      | %%kube_node%%        | %%kube_node%%: no pod field node (known: [container_name, namespace, pod_name, pod_uid])
            ubuntu     | %%env_MISSING%%      | %%env_MISSING%%: the agent's environment has no variable MISSING
            ubuntu     | log-%%nope%%         | %%nope%%: unknown template variable
            """)
    void refusesAVariableWithoutAValueSayingWhy(String service, String template, String reason) {
        assertThatThrownBy(() -> substitution.substitute(JsonNodeFactory.instance.stringNode(template),
                service(service))).isInstanceOf(UnresolvableVariableException.class).hasMessage(reason);
    }

    @Test
    void substitutesInsideListsAndObjectsAndLeavesTheTemplateUnchanged() throws Exception {
        JsonNode template = JSON.readTree("""
                [{"type": "tcp", "port": "%%port%%", "tags": ["pod:%%kube_pod_name%%", "static"], "n": 3}]""");
        String before = template.toString();

        JsonNode resolved = substitution.substitute(template, service("redis"));

        assertThat(resolved).isEqualTo(JSON.readTree("""
                [{"type": "tcp", "port": 6379, "tags": ["pod:redis-unready-69cfd574f5-wg9vb", "static"], "n": 3}]"""));
        assertThat(template.toString()).isEqualTo(before);
    }
}
