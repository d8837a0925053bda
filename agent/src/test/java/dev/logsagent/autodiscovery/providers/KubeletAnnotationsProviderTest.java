package dev.logsagent.autodiscovery.providers;

import dev.logsagent.autodiscovery.IntegrationConfig;
import dev.logsagent.autodiscovery.RecordedWorkloads;
import dev.logsagent.autodiscovery.workloads.Pod;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.logsagent.autodiscovery.RecordedWorkloads.CONTAINERD_PODLIST;
import static dev.logsagent.autodiscovery.RecordedWorkloads.COREDNS_POD;
import static dev.logsagent.autodiscovery.RecordedWorkloads.NGINX_POD;
import static dev.logsagent.autodiscovery.RecordedWorkloads.NGINX_PODLIST;
import static dev.logsagent.autodiscovery.RecordedWorkloads.REDIS_POD;
import static dev.logsagent.autodiscovery.RecordedWorkloads.REDIS_PODLIST;
import static org.assertj.core.api.Assertions.assertThat;

class KubeletAnnotationsProviderTest {
    private final WorkloadStore workloads = new WorkloadStore();
    private final KubeletAnnotationsProvider provider = new KubeletAnnotationsProvider(workloads);

    @Test
    void aLogsAnnotationIsATemplateForThatContainerByItsKubeletId() {
        workloads.putPod(RecordedWorkloads.pod(NGINX_PODLIST, NGINX_POD,
                Map.of("ad.datadoghq.com/nginx.logs", RecordedWorkloads.recordedLogsAnnotation(0))));

        assertThat(provider.collect()).singleElement().satisfies(config -> {
            assertThat(config.name()).isEqualTo("nginx");
            assertThat(config.provider()).isEqualTo("kubelet");
            assertThat(config.adIdentifiers()).containsExactly(
                    "docker://61e83ec5ce7af1c134c159bac1bf94d3413486ba655e5ebd6231e0a92a1c7b54");
            assertThat(config.origin()).isEqualTo("annotation ad.datadoghq.com/nginx.logs of pod default/" + NGINX_POD);
            assertThat(config.logs().get(0).get("source").asString()).isEqualTo("nginx");
        });
    }

    @Test
    void theLegacyAnnotationCountsOnlyWhenTheCurrentOneIsAbsent() {
        workloads.putPod(RecordedWorkloads.pod(CONTAINERD_PODLIST, COREDNS_POD,
                Map.of("service-discovery.datadoghq.com/coredns.logs", RecordedWorkloads.recordedLogsAnnotation(1))));
        workloads.putPod(RecordedWorkloads.pod(NGINX_PODLIST, NGINX_POD,
                Map.of("service-discovery.datadoghq.com/nginx.logs", "[{\"source\": \"legacy\"}]",
                        "ad.datadoghq.com/nginx.logs", RecordedWorkloads.recordedLogsAnnotation(0))));

        List<IntegrationConfig> configs = provider.collect();

        assertThat(configs).extracting(IntegrationConfig::origin).containsExactlyInAnyOrder(
                "annotation service-discovery.datadoghq.com/coredns.logs of pod kube-system/" + COREDNS_POD,
                "annotation ad.datadoghq.com/nginx.logs of pod default/" + NGINX_POD);
        assertThat(configs).filteredOn(c -> c.name().equals("coredns")).singleElement()
                .satisfies(c -> assertThat(c.adIdentifiers().getFirst()).startsWith("containerd://"));
    }

    @Test
    void badJsonIsReportedNamingPodAndAnnotationWhileOtherPodsCount() {
        workloads.putPod(RecordedWorkloads.pod(REDIS_PODLIST, REDIS_POD,
                Map.of("ad.datadoghq.com/redis-unready.logs", "[{\"source\": redis}]")));
        workloads.putPod(RecordedWorkloads.pod(NGINX_PODLIST, NGINX_POD,
                Map.of("ad.datadoghq.com/nginx.logs", RecordedWorkloads.recordedLogsAnnotation(0))));

        assertThat(provider.collect()).extracting(IntegrationConfig::name).containsExactly("nginx");
        assertThat(provider.problems()).singleElement().satisfies(failed -> {
            assertThat(failed.integration()).isEqualTo("redis-unready");
            assertThat(failed.problems().getFirst().describe()).startsWith(
                    "annotation ad.datadoghq.com/redis-unready.logs of pod default/" + REDIS_POD + ":1:")
                    .contains("invalid JSON");
        });
    }

    @Test
    void aContainerThatHasNotStartedHasNoIdToMatchAndIsSkipped() {
        Pod recorded = RecordedWorkloads.pod(NGINX_PODLIST, NGINX_POD,
                Map.of("ad.datadoghq.com/nginx.logs", RecordedWorkloads.recordedLogsAnnotation(0)));
        Pod.PodContainer nginx = recorded.containers().getFirst();
        workloads.putPod(new Pod(recorded.uid(), recorded.name(), recorded.namespace(), "Pending", recorded.ip(),
                recorded.labels(), recorded.annotations(), recorded.owners(), List.of(new Pod.PodContainer(
                nginx.name(), nginx.image(), null, nginx.ports(), nginx.portNames()))));

        assertThat(provider.collect()).isEmpty();
        assertThat(provider.problems()).isEmpty();
    }
}
