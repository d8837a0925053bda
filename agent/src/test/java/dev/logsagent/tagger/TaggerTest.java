package dev.logsagent.tagger;

import dev.logsagent.autodiscovery.workloads.Container;
import dev.logsagent.autodiscovery.workloads.Pod;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TaggerTest {
    private static final String WEB_ID = "3e13513f94b41d23429804243820438fb9a214238bf2d4f384741a48b575670a";
    private static final String POD_UID = "d91aa43c-0769-11e8-afcc-000c29dea4f6";

    private final WorkloadStore store = new WorkloadStore();
    private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));

    private Tagger tagger(TaggerSettings settings) {
        return new Tagger(store, settings, List.of("env:test", "team:logs"), clock);
    }

    private static Container dockerContainer(String id, String image, Map<String, String> labels,
                                             Map<String, String> env, String podUid) {
        return new Container(id, "docker", "web-1", image, labels, env, true, 4242, "web-1",
                Map.of("bridge", "172.17.0.3"), List.of(8080), podUid, "/var/lib/docker/containers/" + id);
    }

    private static Pod pod(List<String> owners, Map<String, String> labels, Map<String, String> annotations,
                           String containerId) {
        return new Pod(POD_UID, "web-5d4f-x7k2p", "shop", "Running", "10.1.2.3", labels, annotations, owners,
                List.of(new Pod.PodContainer("app", "gcr.io/team/web:2.1", containerId, List.of(8080),
                        Map.of("http", "8080"))));
    }

    @Test
    void tagsADockerContainerByImageNameAndUnifiedServiceLabels() {
        store.putContainer(dockerContainer(WEB_ID, "gcr.io/team/api:1.4",
                Map.of("com.datadoghq.tags.env", "prod", "com.datadoghq.tags.service", "api",
                        "com.datadoghq.tags.version", "1.4", "Team", "payments", "other", "ignored"),
                Map.of("PATH", "/bin", "REGION", "eu-west-1"), null));
        Tagger tagger = tagger(new TaggerSettings(Map.of("team", "team"), Map.of("region", "region"), Map.of(),
                Map.of(), TaggerSettings.DEFAULT_GRACE_PERIOD));

        String entity = Tagger.containerEntity(WEB_ID);
        assertThat(tagger.tags(entity, Cardinality.LOW)).containsExactlyInAnyOrder(
                "image_name:gcr.io/team/api", "short_image:api", "image_tag:1.4", "docker_image:gcr.io/team/api:1.4",
                "env:prod", "service:api", "version:1.4", "team:payments", "region:eu-west-1");
        assertThat(tagger.tags(entity, Cardinality.ORCHESTRATOR)).isEqualTo(tagger.tags(entity, Cardinality.LOW));
        assertThat(tagger.tags(entity, Cardinality.HIGH)).containsAll(tagger.tags(entity, Cardinality.LOW))
                .contains("container_name:web-1", "container_id:" + WEB_ID).hasSize(11);
    }

    @Test
    void takesUnifiedServiceTagsFromTheContainerEnvironment() {
        store.putContainer(dockerContainer(WEB_ID, "redis",
                Map.of(), Map.of("DD_ENV", "staging", "DD_SERVICE", "cache", "DD_VERSION", "7.2"), null));

        assertThat(tagger(TaggerSettings.defaults()).tags(Tagger.containerEntity(WEB_ID), Cardinality.LOW))
                .containsExactlyInAnyOrder("image_name:redis", "short_image:redis", "image_tag:latest",
                        "docker_image:redis", "env:staging", "service:cache", "version:7.2");
    }

    @Test
    void givesAPodContainerThePodTagsAtEachCardinality() {
        store.putPod(pod(List.of("ReplicaSet/web-5d4f"),
                Map.of("tags.datadoghq.com/env", "prod", "tags.datadoghq.com/service", "web",
                        "tags.datadoghq.com/app.version", "2.1", "app.kubernetes.io/part-of", "shop",
                        "tier", "frontend"),
                Map.of("owner", "team-web", "unrelated", "x"), "containerd://" + WEB_ID));
        Tagger tagger = tagger(new TaggerSettings(Map.of(), Map.of(), Map.of("Tier", "tier"),
                Map.of("owner", "owner"), TaggerSettings.DEFAULT_GRACE_PERIOD));

        String container = Tagger.containerEntity(WEB_ID);
        List<String> podLow = List.of("kube_namespace:shop", "pod_phase:running", "kube_ownerref_kind:replicaset",
                "kube_replica_set:web-5d4f", "kube_deployment:web", "env:prod", "service:web",
                "kube_app_part_of:shop", "tier:frontend", "owner:team-web");
        assertThat(tagger.tags(container, Cardinality.LOW)).containsExactlyInAnyOrderElementsOf(concat(podLow,
                List.of("kube_container_name:app", "image_name:gcr.io/team/web", "short_image:web", "image_tag:2.1",
                        "version:2.1")));
        assertThat(tagger.tags(container, Cardinality.ORCHESTRATOR)).containsAll(tagger.tags(container,
                Cardinality.LOW)).contains("pod_name:web-5d4f-x7k2p", "kube_ownerref_name:web-5d4f").hasSize(17);
        assertThat(tagger.tags(container, Cardinality.HIGH)).contains("container_id:" + WEB_ID,
                "container_name:app", "display_container_name:app_web-5d4f-x7k2p").hasSize(20);
        String pod = Tagger.podEntity(POD_UID);
        assertThat(tagger.tags(pod, Cardinality.LOW)).containsExactlyInAnyOrderElementsOf(podLow);
        assertThat(tagger.tags(pod, Cardinality.HIGH)).containsExactlyInAnyOrderElementsOf(concat(podLow,
                List.of("pod_name:web-5d4f-x7k2p", "kube_ownerref_name:web-5d4f")));
    }

    @Test
    void mergesTheDockerAndPodTagsOfAContainerInAPod() {
        store.putContainer(dockerContainer(WEB_ID, "gcr.io/team/web:2.1", Map.of(), Map.of(), POD_UID));
        store.putPod(pod(List.of(), Map.of(), Map.of(), "docker://" + WEB_ID));

        assertThat(tagger(TaggerSettings.defaults()).tags(Tagger.containerEntity(WEB_ID), Cardinality.HIGH))
                .contains("docker_image:gcr.io/team/web:2.1", "kube_namespace:shop", "pod_name:web-5d4f-x7k2p",
                        "container_name:web-1", "container_name:app", "container_id:" + WEB_ID)
                .doesNotHaveDuplicates();
    }

    @Test
    void doesNotTagAContainerThatHasNotStarted() {
        store.putPod(pod(List.of(), Map.of(), Map.of(), null));

        Tagger tagger = tagger(TaggerSettings.defaults());

        assertThat(tagger.tags(Tagger.podEntity(POD_UID), Cardinality.LOW)).contains("kube_namespace:shop");
        assertThat(tagger.tags(Tagger.containerEntity("null"), Cardinality.HIGH)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ReplicaSet/web-5d4f              | kube_replica_set:web-5d4f kube_deployment:web
            ReplicaSet/coredns-747dbcf5df    | kube_replica_set:coredns-747dbcf5df kube_deployment:coredns
            ReplicaSet/legacy-3038679189     | kube_replica_set:legacy-3038679189 kube_deployment:legacy
            ReplicaSet/web-abc1              | kube_replica_set:web-abc1
            ReplicaSet/web-5d                | kube_replica_set:web-5d
            ReplicaSet/standalone            | kube_replica_set:standalone
            Deployment/api                   | kube_deployment:api
            DaemonSet/kube-proxy             | kube_daemon_set:kube-proxy
            StatefulSet/cassandra            | kube_stateful_set:cassandra
            Job/backup-28190940              | kube_job:backup-28190940 kube_cronjob:backup
            Job/migrate                      | kube_job:migrate
            CronJob/backup                   | kube_cronjob:backup
            Node/minikube                    |
            """)
    void derivesControllerTagsFromOwnerReferences(String owner, String expected) {
        store.putPod(pod(List.of(owner), Map.of(), Map.of(), null));

        List<String> low = tagger(TaggerSettings.defaults()).tags(Tagger.podEntity(POD_UID), Cardinality.LOW);

        String kind = owner.substring(0, owner.indexOf('/')).toLowerCase(Locale.ROOT);
        assertThat(low).contains("kube_ownerref_kind:" + kind)
                .filteredOn(tag -> tag.startsWith("kube_") && !tag.startsWith("kube_namespace")
                        && !tag.startsWith("kube_ownerref_kind"))
                .containsExactlyInAnyOrderElementsOf(expected == null ? List.of() : Arrays.asList(expected.split(" ")));
    }

    @Test
    void keepsTheTagsOfAStoppedContainerForTheGracePeriodOnly() {
        Tagger tagger = tagger(new TaggerSettings(Map.of(), Map.of(), Map.of(), Map.of(), Duration.ofMinutes(5)));
        store.putContainer(dockerContainer(WEB_ID, "redis:7.2", Map.of(), Map.of(), null));
        String entity = Tagger.containerEntity(WEB_ID);
        List<String> running = tagger.tags(entity, Cardinality.HIGH);
        assertThat(running).contains("container_id:" + WEB_ID);

        store.removeContainer(WEB_ID);
        // The grace period counts from when the tagger notices, as its background refresh does within a second.
        tagger.refresh();
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));

        assertThat(tagger.tags(entity, Cardinality.HIGH)).isEqualTo(running);
        clock.advance(Duration.ofSeconds(1));
        assertThat(tagger.tags(entity, Cardinality.HIGH)).isEmpty();
    }

    @Test
    void aContainerThatComesBackIsTaggedAgainWithItsNewFacts() {
        Tagger tagger = tagger(TaggerSettings.defaults());
        store.putContainer(dockerContainer(WEB_ID, "redis:7.2", Map.of(), Map.of(), null));
        tagger.refresh();
        store.removeContainer(WEB_ID);
        tagger.refresh();

        store.putContainer(dockerContainer(WEB_ID, "redis:7.4", Map.of(), Map.of(), null));
        clock.advance(Duration.ofMinutes(10));

        assertThat(tagger.tags(Tagger.containerEntity(WEB_ID), Cardinality.LOW)).contains("image_tag:7.4")
                .doesNotContain("image_tag:7.2");
    }

    @Test
    void givesTheHostItsConfiguredTags() {
        assertThat(tagger(TaggerSettings.defaults()).tags(Tagger.HOST_ENTITY, Cardinality.HIGH))
                .containsExactly("env:test", "team:logs");
        assertThat(tagger(TaggerSettings.defaults()).tags("container_id://unknown", Cardinality.HIGH)).isEmpty();
    }

    @Test
    void learnsOfContainersInTheBackgroundSoABrieflyRunningOneIsKnownAfterItStopped() {
        try (Tagger tagger = tagger(TaggerSettings.defaults())) {
            tagger.start();
            store.putContainer(dockerContainer(WEB_ID, "redis:7.2", Map.of(), Map.of(), null));
            long seen = store.version();
            await().atMost(Duration.ofSeconds(5)).until(() -> refreshedAt(tagger, seen));

            store.removeContainer(WEB_ID);

            assertThat(tagger.tags(Tagger.containerEntity(WEB_ID), Cardinality.LOW)).contains("short_image:redis");
        }
    }

    /** True once the background refresh has taken in the store at {@code version}, without asking for tags. */
    private static boolean refreshedAt(Tagger tagger, long version) {
        return tagger.seenVersion() >= version;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
