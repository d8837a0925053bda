package dev.logsagent.autodiscovery;

import dev.logsagent.autodiscovery.configresolver.ConfigResolver;
import dev.logsagent.autodiscovery.providers.ContainerLabelsProvider;
import dev.logsagent.autodiscovery.providers.FileConfigProvider;
import dev.logsagent.autodiscovery.providers.KubeletAnnotationsProvider;
import dev.logsagent.autodiscovery.scheduler.LogsScheduler;
import dev.logsagent.autodiscovery.scheduler.RecordingScheduler;
import dev.logsagent.autodiscovery.store.ConfigCheck;
import dev.logsagent.autodiscovery.workloads.Container;
import dev.logsagent.autodiscovery.workloads.Pod;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.config.SourceType;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.logsagent.autodiscovery.RecordedWorkloads.BUSYBOX_INSPECT;
import static dev.logsagent.autodiscovery.RecordedWorkloads.NGINX_POD;
import static dev.logsagent.autodiscovery.RecordedWorkloads.NGINX_PODLIST;
import static dev.logsagent.autodiscovery.RecordedWorkloads.REDIS_POD;
import static dev.logsagent.autodiscovery.RecordedWorkloads.REDIS_PODLIST;
import static dev.logsagent.autodiscovery.RecordedWorkloads.UBUNTU_INSPECT;
import static dev.logsagent.autodiscovery.providers.ContainerLabelsProvider.LOGS_LABEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Autodiscovery with its real providers, resolver and logs scheduler, fed by a listener over recorded payloads. */
class AutoConfigTest {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path confd;

    private final WorkloadStore workloads = new WorkloadStore();
    private final Sources sources = new Sources();
    private final RecordingScheduler recording = new RecordingScheduler();
    private AutoConfig autoConfig;

    private RecordedServiceListener start(boolean collectAll, RecordedServiceListener listener) {
        autoConfig = new AutoConfig(new ConfigResolver(Map.of("TEAM", "storage")));
        autoConfig.addProvider(new FileConfigProvider(confd), POLL);
        autoConfig.addProvider(new ContainerLabelsProvider(workloads), POLL);
        autoConfig.addProvider(new KubeletAnnotationsProvider(workloads), POLL);
        autoConfig.addScheduler(new LogsScheduler(sources, collectAll));
        autoConfig.addScheduler(recording);
        autoConfig.addListener(listener);
        autoConfig.start();
        return listener;
    }

    private RecordedServiceListener start() {
        return start(false, new RecordedServiceListener(workloads, false));
    }

    @AfterEach
    void stop() {
        if (autoConfig != null) {
            autoConfig.stop();
        }
    }

    private List<LogSource> sourcesOf(String identifier) {
        return sources.all().stream().filter(s -> identifier.equals(s.config().identifier())).toList();
    }

    /** What the schedulers were told to schedule and unschedule, in order. */
    private List<String> scheduling() {
        return recording.events().stream().filter(e -> e.startsWith("+") || e.startsWith("-")).toList();
    }

    private void confd(String name, String yaml) throws IOException {
        Files.writeString(confd.resolve(name), yaml);
    }

    @Test
    void aConfdTemplateRunsForTheRedisServiceUntilItGoesWhilePlainSourcesRunFromTheStart() throws IOException {
        confd("app.yaml", "logs:\n  - type: udp\n    port: 10514\n    service: shop\n");
        confd("redis.yaml", """
                ad_identifiers: [redis]
                logs:
                  - type: docker
                    service: "%%kube_namespace%%-%%env_TEAM%%"
                    source: redis
                """);
        RecordedServiceListener listener = start();
        assertThat(sources.all()).extracting(s -> s.config().service()).containsExactly("shop");

        Service redis = RecordedWorkloads.service(REDIS_PODLIST, REDIS_POD, "redis-unready");
        Pod pod = RecordedWorkloads.pod(REDIS_PODLIST, REDIS_POD, Map.of());
        listener.podStarted(pod, redis);

        assertThat(sourcesOf(redis.serviceId())).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("redis");
            assertThat(s.config().type()).isEqualTo(SourceType.DOCKER);
            assertThat(s.config().service()).isEqualTo("default-storage");
            assertThat(s.config().path()).isEqualTo(redis.logPath());
        });
        ConfigCheck check = autoConfig.configCheck();
        assertThat(check.configs()).extracting(ConfigCheck.Config::name, ConfigCheck.Config::service)
                .containsExactlyInAnyOrder(tuple("app", null),
                        tuple("redis", redis.serviceId()));
        assertThat(check.unmatchedTemplates()).isEmpty();

        listener.podStopped(pod, redis);

        assertThat(sourcesOf(redis.serviceId())).isEmpty();
        assertThat(sources.all()).extracting(s -> s.config().service()).containsExactly("shop");
        assertThat(autoConfig.configCheck().unmatchedTemplates()).singleElement()
                .satisfies(t -> assertThat(t.adIdentifiers()).containsExactly("redis"));
    }

    @Test
    void aDockerLabelConfigRunsForItsContainerUntilTheContainerGoes() {
        RecordedServiceListener listener = start();
        Container ubuntu = RecordedWorkloads.container(UBUNTU_INSPECT,
                Map.of(LOGS_LABEL, "[{\"source\": \"shell\", \"service\": \"%%hostname%%\"}]"));
        String id = "docker://" + ubuntu.id();

        listener.containerStarted(ubuntu);

        await().atMost(WAIT).until(() -> sourcesOf(id).size() == 1);
        LogSource source = sourcesOf(id).getFirst();
        assertThat(source.name()).isEqualTo("boring_euclid");
        assertThat(source.config().type()).isEqualTo(SourceType.DOCKER);
        assertThat(source.config().service()).isEqualTo("ba033ac44011");
        assertThat(source.config().path()).isEqualTo(ubuntu.logPath());

        listener.containerStopped(ubuntu);

        await().atMost(WAIT).until(() -> sourcesOf(id).isEmpty());
        await().atMost(WAIT).until(() -> autoConfig.configCheck().unmatchedTemplates().isEmpty());
    }

    @Test
    void aPodAnnotationRunsForItsContainerUntilThePodGoes() {
        RecordedServiceListener listener = start();
        Pod nginxPod = RecordedWorkloads.pod(NGINX_PODLIST, NGINX_POD,
                Map.of("ad.datadoghq.com/nginx.logs", RecordedWorkloads.recordedLogsAnnotation(0)));
        Service nginx = RecordedWorkloads.service(NGINX_PODLIST, NGINX_POD, "nginx");

        listener.podStarted(nginxPod, nginx);

        await().atMost(WAIT).until(() -> sourcesOf(nginx.serviceId()).size() == 1);
        assertThat(sourcesOf(nginx.serviceId()).getFirst().config()).satisfies(c -> {
            assertThat(c.service()).isEqualTo("nginx");
            assertThat(c.source()).isEqualTo("nginx");
            assertThat(c.path()).isEqualTo("/var/log/pods/default_" + NGINX_POD
                    + "_7979cfcd-0751-11e8-a2b8-000c29dea4f6/nginx/*.log");
        });

        listener.podStopped(nginxPod, nginx);

        await().atMost(WAIT).until(() -> sourcesOf(nginx.serviceId()).isEmpty());
    }

    @Test
    void badJsonInOneLabelIsReportedWhileAnotherContainerStillRuns() {
        RecordedServiceListener listener = start();
        Container broken = RecordedWorkloads.container(UBUNTU_INSPECT, Map.of(LOGS_LABEL, "[{\"source\": shell}]"));
        Container busybox = RecordedWorkloads.container(BUSYBOX_INSPECT,
                Map.of(LOGS_LABEL, "[{\"source\": \"busybox\", \"tags\": [\"pid:%%pid%%\"]}]"));

        listener.containerStarted(broken);
        listener.containerStarted(busybox);

        await().atMost(WAIT).until(() -> sourcesOf("docker://" + busybox.id()).size() == 1);
        assertThat(sourcesOf("docker://" + busybox.id()).getFirst().config().tags()).containsExactly("pid:10912");
        assertThat(sourcesOf("docker://" + broken.id())).isEmpty();
        String expected = "integration boring_euclid: label com.datadoghq.ad.logs of container boring_euclid (docker://"
                + broken.id() + "):1:";
        assertThat(autoConfig.problems()).singleElement().asString().startsWith(expected).contains("invalid JSON");
        assertThat(autoConfig.configCheck().errors()).singleElement().asString().startsWith(expected);
    }

    @Test
    void anUnresolvableVariableSchedulesNothingAndStatusSaysWhyUntilTheServiceGoes() throws IOException {
        confd("ubuntu.yaml", "ad_identifiers: [ubuntu]\nlogs:\n  - type: tcp\n    port: \"%%port%%\"\n");
        RecordedServiceListener listener = start();
        Container ubuntu = RecordedWorkloads.container(UBUNTU_INSPECT, Map.of());

        listener.containerStarted(ubuntu);

        String why = confd.resolve("ubuntu.yaml") + ": not scheduled for docker://" + ubuntu.id()
                + ": %%port%%: the service exposes no port";
        assertThat(autoConfig.problems()).containsExactly(why);
        assertThat(autoConfig.configCheck().errors()).containsExactly(why);
        assertThat(sourcesOf("docker://" + ubuntu.id())).isEmpty();

        listener.containerStopped(ubuntu);

        assertThat(autoConfig.problems()).isEmpty();
    }

    @Test
    void aServiceReportedAgainIsResolvedAfreshOnlyWhenItChanged() throws IOException {
        confd("ubuntu.yaml", "ad_identifiers: [ubuntu]\nlogs:\n  - service: \"%%hostname%%\"\n");
        RecordedServiceListener listener = start();
        Container ubuntu = RecordedWorkloads.container(UBUNTU_INSPECT, Map.of());
        String id = "docker://" + ubuntu.id();
        listener.containerStarted(ubuntu);
        listener.containerStarted(ubuntu);
        assertThat(scheduling()).containsExactly("+ubuntu@" + id);

        listener.containerStarted(new Container(ubuntu.id(), ubuntu.runtime(), ubuntu.name(), ubuntu.image(),
                ubuntu.labels(), ubuntu.env(), true, ubuntu.pid(), "renamed-host", ubuntu.ipAddresses(),
                ubuntu.ports(), null, ubuntu.logPath()));

        assertThat(scheduling()).containsExactly("+ubuntu@" + id, "-ubuntu@" + id, "+ubuntu@" + id);
        assertThat(sourcesOf(id)).extracting(s -> s.config().service()).containsExactly("renamed-host");
    }

    @Test
    void aChangedTemplateIsUnscheduledBeforeItsNewVersionIsScheduled() throws IOException {
        confd("redis.yaml", "ad_identifiers: [redis]\nlogs:\n  - service: v1\n");
        RecordedServiceListener listener = start();
        Service redis = RecordedWorkloads.service(REDIS_PODLIST, REDIS_POD, "redis-unready");
        listener.podStarted(RecordedWorkloads.pod(REDIS_PODLIST, REDIS_POD, Map.of()), redis);
        assertThat(sourcesOf(redis.serviceId())).extracting(s -> s.config().service()).containsExactly("v1");
        recording.clear();

        confd("redis.yaml", "ad_identifiers: [redis]\nlogs:\n  - service: v2\n");

        await().atMost(WAIT).until(() -> scheduling().size() >= 2);
        assertThat(scheduling()).containsExactly("-redis@" + redis.serviceId(), "+redis@" + redis.serviceId());
        assertThat(sourcesOf(redis.serviceId())).extracting(s -> s.config().service()).containsExactly("v2");
    }

    @Test
    void collectAllWaitsForTheFirstPassAndSkipsConfiguredContainers() {
        Container ubuntu = RecordedWorkloads.container(UBUNTU_INSPECT, Map.of());
        Container busybox = RecordedWorkloads.container(BUSYBOX_INSPECT,
                Map.of(LOGS_LABEL, "[{\"source\": \"busybox\", \"service\": \"labelled\"}]"));
        RecordedServiceListener listener = start(true, new RecordedServiceListener(workloads, true)
                .running(ubuntu).running(busybox));

        // The label of a container listed at start is read, but the listener has not finished its first listing.
        await().atMost(WAIT).until(() -> sourcesOf("docker://" + busybox.id()).size() == 1);
        assertThat(autoConfig.firstPassDone()).isFalse();
        assertThat(sourcesOf("docker://" + ubuntu.id())).isEmpty();

        listener.finishStart();

        await().atMost(WAIT).until(() -> sourcesOf("docker://" + ubuntu.id()).size() == 1);
        assertThat(sourcesOf("docker://" + ubuntu.id()).getFirst().config()).satisfies(c -> {
            assertThat(c.origin()).isEqualTo(LogsScheduler.COLLECT_ALL);
            assertThat(c.type()).isEqualTo(SourceType.DOCKER);
            assertThat(c.service()).isEqualTo("ubuntu");
            assertThat(c.source()).isEqualTo("ubuntu");
            assertThat(c.path()).isEqualTo(ubuntu.logPath());
        });
        assertThat(sourcesOf("docker://" + busybox.id())).extracting(s -> s.config().service())
                .containsExactly("labelled");

        // A labelled container that comes later is never collected as unconfigured, even for a moment.
        Container lateBusybox = new Container("0" + busybox.id().substring(1), busybox.runtime(), "late_busybox",
                busybox.image(), busybox.labels(), busybox.env(), true, busybox.pid(), busybox.hostname(),
                busybox.ipAddresses(), busybox.ports(), null, busybox.logPath());
        listener.containerStarted(lateBusybox);
        await().atMost(WAIT).until(() -> sourcesOf("docker://" + lateBusybox.id()).size() == 1);
        listener.containerStopped(ubuntu);
        await().atMost(WAIT).until(() -> sourcesOf("docker://" + ubuntu.id()).isEmpty());

        assertThat(recording.events()).filteredOn(e -> e.startsWith("unconfigured"))
                .allSatisfy(e -> assertThat(e).doesNotContain(busybox.id()).doesNotContain(lateBusybox.id()))
                .contains("unconfigured [docker://" + ubuntu.id() + "]");
        assertThat(recording.events()).last().isEqualTo("unconfigured []");
    }
}
