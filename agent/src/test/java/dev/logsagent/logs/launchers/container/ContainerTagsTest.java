package dev.logsagent.logs.launchers.container;

import dev.logsagent.autodiscovery.workloads.Container;
import dev.logsagent.autodiscovery.workloads.Pod;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.tagger.Tagger;
import dev.logsagent.tagger.TaggerSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerTagsTest {
    private static final String DOCKER_ID = "84adac90973fa1263ccf1e296cec72acb4128b6e19fd25bffe4fafb059adafc0";
    private static final String CRI_ID = "509057eef9c66fcae1627a278216e29a0504d9b2e85ccc79c09b316dba7554e2";
    private static final String POD_UID = "23476f2c-61e0-11e9-bc12-02f121c1eeb4";

    private final WorkloadStore store = new WorkloadStore();
    private final ContainerTags tags = new ContainerTags(
            new Tagger(store, TaggerSettings.defaults(), List.of(), InstantSource.system()));

    ContainerTagsTest() {
        store.putContainer(new Container(DOCKER_ID, "docker", "redis-1", "redis:7.2", Map.of(), Map.of(), true, 10,
                "redis-1", Map.of(), List.of(6379), null, null));
        store.putPod(new Pod(POD_UID, "coredns-747dbcf5df-qmtnl", "kube-system", "Running", "192.168.253.58",
                Map.of(), Map.of(), List.of("ReplicaSet/coredns-747dbcf5df"), List.of(new Pod.PodContainer("coredns",
                "coredns/coredns:1.1.1", "containerd://" + CRI_ID, List.of(53), Map.of()))));
    }

    private static LogSource source(SourceType type, String identifier) {
        return new LogSource("test", new SourceConfig("test", "test", type, "/x", List.of(), null, null, 0, null,
                null, null, null, List.of(), List.of(), null, identifier, null));
    }

    @Test
    void tagsTheContainerOfTheSourcesService() {
        assertThat(tags.of(source(SourceType.CONTAINERD, "containerd://" + CRI_ID),
                Path.of("/var/log/pods/kube-system_coredns-747dbcf5df-qmtnl_" + POD_UID + "/coredns/0.log")))
                .contains("container_id:" + CRI_ID, "kube_container_name:coredns", "pod_name:coredns-747dbcf5df-qmtnl",
                        "kube_deployment:coredns", "short_image:coredns");
    }

    @Test
    void findsTheDockerContainerOfAHandWrittenSourceByItsLogPath() {
        Path path = Path.of("/var/lib/docker/containers", DOCKER_ID, DOCKER_ID + "-json.log");

        assertThat(tags.of(source(SourceType.DOCKER, null), path))
                .containsExactlyInAnyOrder("image_name:redis", "short_image:redis", "image_tag:7.2",
                        "docker_image:redis:7.2", "container_name:redis-1", "container_id:" + DOCKER_ID);
    }

    @Test
    void findsThePodOfAHandWrittenCriSourceByItsLogPath() {
        Path path = Path.of("/var/log/pods/kube-system_coredns-747dbcf5df-qmtnl_" + POD_UID + "/coredns/0.log");

        assertThat(tags.of(source(SourceType.CONTAINERD, null), path))
                .contains("kube_namespace:kube-system", "pod_name:coredns-747dbcf5df-qmtnl",
                        "kube_container_name:coredns")
                .doesNotContain("container_id:" + CRI_ID);
    }

    @Test
    void givesNothingToFileSourcesNorToUnknownContainers() {
        Path dockerPath = Path.of("/var/lib/docker/containers", DOCKER_ID, DOCKER_ID + "-json.log");
        assertThat(tags.of(source(SourceType.FILE, null), dockerPath)).isEmpty();
        assertThat(tags.of(source(SourceType.DOCKER, "docker://gone"), dockerPath)).isEmpty();
        assertThat(tags.of(source(SourceType.DOCKER, null), Path.of("/var/log/app.log"))).isEmpty();
        assertThat(tags.of(source(SourceType.CONTAINERD, null), Path.of("/var/log/pods/nopod/app/0.log"))).isEmpty();
    }
}
