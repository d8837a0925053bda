package dev.logsagent.autodiscovery.configresolver;

import dev.logsagent.autodiscovery.IntegrationConfig;
import dev.logsagent.autodiscovery.RecordedWorkloads;
import dev.logsagent.autodiscovery.Service;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static dev.logsagent.autodiscovery.RecordedWorkloads.CONTAINERD_PODLIST;
import static dev.logsagent.autodiscovery.RecordedWorkloads.COREDNS_POD;
import static dev.logsagent.autodiscovery.RecordedWorkloads.REDIS_POD;
import static dev.logsagent.autodiscovery.RecordedWorkloads.REDIS_PODLIST;
import static dev.logsagent.autodiscovery.RecordedWorkloads.UBUNTU_INSPECT;
import static org.assertj.core.api.Assertions.assertThat;

class ConfigResolverTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigResolver resolver = new ConfigResolver(Map.of("TEAM", "cache"));
    private final Service redis = RecordedWorkloads.service(REDIS_PODLIST, REDIS_POD, "redis-unready");
    private final Service coredns = RecordedWorkloads.service(CONTAINERD_PODLIST, COREDNS_POD, "coredns");

    private static IntegrationConfig template(List<String> identifiers, String logsJson) {
        return new IntegrationConfig("redis", "file", "/etc/conf.d/redis.d/conf.yaml", identifiers,
                JSON.readTree(logsJson));
    }

    @Test
    void aTemplateMatchesAServiceSharingOneIdentifier() {
        assertThat(ConfigResolver.matches(template(List.of("memcached", "redis"), "[]"), redis)).isTrue();
        assertThat(ConfigResolver.matches(template(List.of(redis.serviceId()), "[]"), redis)).isTrue();
        assertThat(ConfigResolver.matches(template(List.of("redis:latest", "nginx"), "[]"), redis)).isFalse();
    }

    @Test
    void containerSourceReadsTheServicesLogThroughItsRuntimeWithItsIdentifier() {
        IntegrationConfig annotation = new IntegrationConfig("coredns", "kubelet",
                "annotation ad.datadoghq.com/coredns.logs of pod kube-system/" + COREDNS_POD,
                List.of(coredns.serviceId()), JSON.readTree(RecordedWorkloads.recordedLogsAnnotation(1)));

        Resolution resolution = resolver.resolve(annotation, coredns);

        assertThat(resolution.errors()).isEmpty();
        SourceConfig source = resolution.resolved().sources().getFirst();
        assertThat(source.type()).isEqualTo(SourceType.CONTAINERD);
        assertThat(source.path()).isEqualTo(coredns.logPath());
        assertThat(source.identifier()).isEqualTo(coredns.serviceId()).startsWith("containerd://509057ee");
        assertThat(source.service()).isEqualTo("logs");
        assertThat(source.source()).isEqualTo("shell");
        assertThat(resolution.resolved().service()).isEqualTo(coredns);
    }

    @Test
    void aDockerSourceOnAContainerdServiceIsReadByContainerd() {
        Resolution resolution = resolver.resolve(template(List.of("coredns"), RecordedWorkloads
                .recordedLogsAnnotation(0)), coredns);

        assertThat(resolution.resolved().sources()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SourceType.CONTAINERD);
            assertThat(s.service()).isEqualTo("nginx");
            assertThat(s.extra()).containsEntry("image", "nginx");
        });
    }

    @Test
    void fileAndNetworkSourcesKeepTheirTypeWithVariablesResolvedAndTyped() {
        Resolution resolution = resolver.resolve(template(List.of("redis"), """
                [{"type": "file", "path": "/logs/%%kube_namespace%%/%%kube_pod_name%%.log", "service": "%%env_TEAM%%"},
                 {"type": "tcp", "port": "%%port_redis%%", "tags": ["pod_ip:%%host%%"]}]"""), redis);

        assertThat(resolution.errors()).isEmpty();
        List<SourceConfig> sources = resolution.resolved().sources();
        assertThat(sources.get(0).type()).isEqualTo(SourceType.FILE);
        assertThat(sources.get(0).path()).isEqualTo("/logs/default/" + REDIS_POD + ".log");
        assertThat(sources.get(0).service()).isEqualTo("cache");
        assertThat(sources.get(0).identifier()).isEqualTo(redis.serviceId());
        assertThat(sources.get(1).type()).isEqualTo(SourceType.TCP);
        assertThat(sources.get(1).port()).isEqualTo(6379);
        assertThat(sources.get(1).tags()).containsExactly("pod_ip:192.168.253.15");
    }

    @Test
    void anUnresolvableVariableSchedulesNothingAndSaysWhereAndWhy() {
        Service ubuntu = RecordedWorkloads.service(RecordedWorkloads.container(UBUNTU_INSPECT, Map.of()));

        Resolution resolution = resolver.resolve(template(List.of("ubuntu"), """
                [{"type": "tcp", "port": "%%port%%"}, {"type": "docker"}]"""), ubuntu);

        assertThat(resolution.resolved()).isNull();
        assertThat(resolution.errors()).containsExactly("/etc/conf.d/redis.d/conf.yaml: not scheduled for "
                + ubuntu.serviceId() + ": %%port%%: the service exposes no port");
    }

    @Test
    void aRefusedSourceIsReportedAndTheOthersOfTheTemplateStillRun() {
        Resolution resolution = resolver.resolve(template(List.of("redis"), """
                [{"type": "udp"}, {"service": "cache", "unknown_key": 1}]"""), redis);

        assertThat(resolution.resolved().sources()).singleElement()
                .satisfies(s -> assertThat(s.type()).isEqualTo(SourceType.DOCKER));
        assertThat(resolution.errors()).singleElement().asString().contains("/etc/conf.d/redis.d/conf.yaml")
                .contains("logs[0].port").contains("port is required").endsWith("(for " + redis.serviceId() + ")");
        assertThat(resolution.warnings()).singleElement().asString().contains("unknown_key");
    }

    @Test
    void aTemplateWhoseEverySourceIsRefusedSchedulesNothing() {
        Resolution resolution = resolver.resolve(template(List.of("redis"), """
                [{"type": "syslog"}]"""), redis);

        assertThat(resolution.resolved()).isNull();
        assertThat(resolution.errors()).singleElement().asString().contains("logs[0].type");
    }

    @Test
    void aConfigThatIsNotATemplateRunsItsValidSourcesAsWritten() {
        IntegrationConfig plain = new IntegrationConfig("app", "file", "/etc/conf.d/app.yaml", List.of(),
                JSON.readTree("""
                        [{"type": "file", "path": "/var/log/%%app%%.log"}, {"type": "file"}]"""));

        Resolution resolution = resolver.resolve(plain);

        assertThat(resolution.resolved().service()).isNull();
        assertThat(resolution.resolved().sources()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("/var/log/%%app%%.log");
            assertThat(s.identifier()).isNull();
        });
        assertThat(resolution.errors()).isEmpty();
    }
}
