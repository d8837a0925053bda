package dev.logsagent.autodiscovery.providers;

import dev.logsagent.autodiscovery.IntegrationConfig;
import dev.logsagent.autodiscovery.RecordedWorkloads;
import dev.logsagent.autodiscovery.workloads.Container;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.config.FailedSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.logsagent.autodiscovery.RecordedWorkloads.BUSYBOX_INSPECT;
import static dev.logsagent.autodiscovery.RecordedWorkloads.UBUNTU_INSPECT;
import static org.assertj.core.api.Assertions.assertThat;

class ContainerLabelsProviderTest {
    private final WorkloadStore workloads = new WorkloadStore();
    private final ContainerLabelsProvider provider = new ContainerLabelsProvider(workloads);

    @Test
    void aLogsLabelIsATemplateForItsContainerOnly() {
        Container ubuntu = RecordedWorkloads.container(UBUNTU_INSPECT, Map.of(ContainerLabelsProvider.LOGS_LABEL,
                "[{\"source\": \"shell\", \"service\": \"%%hostname%%\"}]"));
        workloads.putContainer(ubuntu);
        workloads.putContainer(RecordedWorkloads.container(BUSYBOX_INSPECT, Map.of()));

        assertThat(provider.collect()).singleElement().satisfies(config -> {
            assertThat(config.name()).isEqualTo("boring_euclid");
            assertThat(config.provider()).isEqualTo("docker");
            assertThat(config.adIdentifiers()).containsExactly("docker://" + ubuntu.id());
            assertThat(config.origin()).isEqualTo("label com.datadoghq.ad.logs of container boring_euclid (docker://"
                    + ubuntu.id() + ")");
            assertThat(config.logs().get(0).get("service").asString()).isEqualTo("%%hostname%%");
        });
        assertThat(provider.problems()).isEmpty();
    }

    @Test
    void badJsonInALabelIsReportedNamingContainerAndLabelWhileOtherContainersCount() {
        Container broken = RecordedWorkloads.container(UBUNTU_INSPECT, Map.of(ContainerLabelsProvider.LOGS_LABEL,
                "[{\"source\": \"shell\",}"));
        Container busybox = RecordedWorkloads.container(BUSYBOX_INSPECT, Map.of(ContainerLabelsProvider.LOGS_LABEL,
                "[{\"source\": \"busybox\"}]"));
        workloads.putContainer(broken);
        workloads.putContainer(busybox);

        assertThat(provider.collect()).extracting(IntegrationConfig::name).containsExactly("small_hodgkin");
        FailedSource problem = provider.problems().getFirst();
        assertThat(provider.problems()).hasSize(1);
        assertThat(problem.integration()).isEqualTo("boring_euclid");
        assertThat(problem.problems().getFirst().describe())
                .startsWith("label com.datadoghq.ad.logs of container boring_euclid (docker://" + broken.id() + "):1:")
                .contains("invalid JSON");
    }

    @Test
    void aLabelThatIsNotAListIsRefused() {
        workloads.putContainer(RecordedWorkloads.container(UBUNTU_INSPECT, Map.of(ContainerLabelsProvider.LOGS_LABEL,
                "{\"source\": \"shell\"}")));

        assertThat(provider.collect()).isEmpty();
        assertThat(provider.problems().getFirst().problems().getFirst().message())
                .isEqualTo("expected a JSON list of log sources, got a JSON object");
    }

    @Test
    void isUpToDateWhileTheWorkloadStoreIsUnchanged() {
        assertThat(provider.isUpToDate()).isFalse();
        provider.collect();
        assertThat(provider.isUpToDate()).isTrue();

        Container ubuntu = RecordedWorkloads.container(UBUNTU_INSPECT, Map.of());
        workloads.putContainer(ubuntu);
        assertThat(provider.isUpToDate()).isFalse();
        provider.collect();
        assertThat(provider.isUpToDate()).isTrue();

        workloads.removeContainer(ubuntu.id());
        assertThat(provider.isUpToDate()).isFalse();
    }
}
