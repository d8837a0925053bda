package dev.logsagent.autodiscovery.listeners;

import dev.logsagent.autodiscovery.Service;
import dev.logsagent.autodiscovery.ServicePort;
import dev.logsagent.autodiscovery.listeners.docker.DockerClient;
import dev.logsagent.autodiscovery.listeners.docker.FakeDockerDaemon;
import dev.logsagent.autodiscovery.listeners.docker.FakeDockerDaemon.Ending;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

class DockerListenerTest {
    /** The container of the recorded event stream: create, attach, start, resize, die, destroy. */
    private static final String EVENT_CONTAINER = "ede54ee1afda366ab42f824e8a5ffd195155d853ceaec74a927f249ea270c743";
    /** The running container of the recorded API 1.22 list. */
    private static final String LISTED_CONTAINER = "095351afe7b4995dfb3e965f9cfd3a07b1fe69198c50085a2cb7c2b5a5c9b62f";
    private static final List<String> LIFE_CYCLE = FakeDockerDaemon.resourceLines(
            "events_stream_moby_api_v1.24_example.jsonl");
    /** Pull, create, attach, network connect, start: the recording up to the container's start. */
    private static final List<String> UNTIL_START = LIFE_CYCLE.subList(0, 5);
    private static final Instant BEFORE_ALL = Instant.ofEpochSecond(1461943100);
    private static final String LIST = "/v1.43/containers/json";
    private static final String EVENTS = "/v1.43/events";

    @TempDir
    Path dir;
    private FakeDockerDaemon daemon;
    private DockerListener listener;
    private final WorkloadStore store = new WorkloadStore();
    private final RecordingEvents events = new RecordingEvents();
    private final Path dockerRoot = Path.of("/host/var/lib/docker/containers");

    @BeforeEach
    void startDaemon() throws IOException {
        daemon = FakeDockerDaemon.onUnixSocket(dir.resolve("docker.sock"));
        // Runs in real time from just before the recording, so the daemon replays the recorded events.
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), BEFORE_ALL));
        listener = new DockerListener(new DockerClient(daemon.dockerHost(), Duration.ofSeconds(5)), store,
                dockerRoot, clock, Duration.ofMillis(10), Duration.ofMillis(40));
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
        daemon.close();
    }

    @Test
    void reportsTheContainersRunningAtStartWithTheirIdentifiersAddressesPortsAndLogPath() {
        daemon.route(LIST, FakeDockerDaemon.resource("containers_list_dockerjava_1.22.json"))
                .route("/v1.43/containers/" + LISTED_CONTAINER + "/json",
                        inspect("container_inspect_dockerjava_full.json", LISTED_CONTAINER))
                .route(EVENTS, FakeDockerDaemon.events(List.of(), 0, Duration.ZERO, Ending.KEEP_OPEN));

        listener.start(events);

        String serviceId = "docker://" + LISTED_CONTAINER;
        await().atMost(Duration.ofSeconds(5)).until(() -> events.changes().contains("+" + serviceId));
        Service service = events.added(serviceId);
        assertThat(service.runtime()).isEqualTo("docker");
        assertThat(service.adIdentifiers()).containsExactly(serviceId, "jenkinsci/workflow-demo", "workflow-demo");
        assertThat(service.hosts()).containsExactly(entry("bridge", "172.17.0.2"));
        assertThat(service.ports()).containsExactly(new ServicePort(22, null), new ServicePort(8080, null),
                new ServicePort(8081, null));
        assertThat(service.pid()).isEqualTo(898);
        assertThat(service.hostname()).isEqualTo("469e5edd8d5b");
        assertThat(service.kube()).isEmpty();
        assertThat(service.logPath()).isEqualTo(
                dockerRoot.resolve(LISTED_CONTAINER).resolve(LISTED_CONTAINER + "-json.log").toString());
        assertThat(store.container(LISTED_CONTAINER)).hasValueSatisfying(container -> {
            assertThat(container.name()).isEqualTo("desperate_babbage");
            assertThat(container.image()).isEqualTo("jenkinsci/workflow-demo");
            assertThat(container.env()).containsEntry("MAVEN_VERSION", "3.3.1");
            assertThat(container.running()).isTrue();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> eventRequests().size() == 1);
        // Followed from when the listing began, so what happens during the listing is not missed.
        assertThat(eventRequests().getFirst().query("since")).startsWith("1461943100.");
    }

    @Test
    void addsAContainerWhenItStartsAndRemovesItWhenItDies() {
        daemon.route(LIST, noContainers())
                .route("/v1.43/containers/" + EVENT_CONTAINER + "/json",
                        inspect("container_inspect_moby_api_v1.43_example.json", EVENT_CONTAINER))
                .route(EVENTS, FakeDockerDaemon.events(LIFE_CYCLE, 0, Duration.ofMillis(5), Ending.KEEP_OPEN));

        listener.start(events);

        String serviceId = "docker://" + EVENT_CONTAINER;
        await().atMost(Duration.ofSeconds(5)).until(() -> events.changes().contains("-" + serviceId));
        assertThat(events.changes()).containsExactly("+" + serviceId, "-" + serviceId);
        Service service = events.added(serviceId);
        assertThat(service.adIdentifiers()).containsExactly(serviceId, "ubuntu");
        assertThat(service.hosts()).containsExactly(entry("bridge", "172.17.0.2"));
        assertThat(store.containers()).isEmpty();
        assertThat(store.version()).isEqualTo(2);
    }

    @Test
    void reconnectsFromWhereTheStreamStoppedSoTheDeathIsNotMissed() {
        AtomicInteger subscriptions = new AtomicInteger();
        FakeDockerDaemon.Handler firstStream = FakeDockerDaemon.events(UNTIL_START, 0, Duration.ZERO, Ending.VANISH);
        FakeDockerDaemon.Handler laterStreams = FakeDockerDaemon.events(LIFE_CYCLE, 0, Duration.ZERO,
                Ending.KEEP_OPEN);
        daemon.route(LIST, (request, exchange) -> (subscriptions.get() == 0 ? noContainers()
                        : listing(EVENT_CONTAINER)).answer(request, exchange))
                .route("/v1.43/containers/" + EVENT_CONTAINER + "/json",
                        inspect("container_inspect_moby_api_v1.43_example.json", EVENT_CONTAINER))
                .route(EVENTS, (request, exchange) -> (subscriptions.getAndIncrement() == 0 ? firstStream
                        : laterStreams).answer(request, exchange));

        listener.start(events);

        String serviceId = "docker://" + EVENT_CONTAINER;
        await().atMost(Duration.ofSeconds(5)).until(() -> events.changes().contains("-" + serviceId));
        assertThat(events.changes()).containsExactly("+" + serviceId, "-" + serviceId);
        assertThat(eventRequests()).hasSize(2);
        assertThat(eventRequests().get(1).query("since")).isEqualTo("1461943101.607533797");
    }

    @Test
    void removesAContainerThatStoppedWhileTheDaemonWasAway() {
        AtomicInteger subscriptions = new AtomicInteger();
        FakeDockerDaemon.Handler firstStream = FakeDockerDaemon.events(UNTIL_START, 0, Duration.ZERO, Ending.VANISH);
        // A restarted daemon has forgotten the events from before: nothing is replayed.
        FakeDockerDaemon.Handler afterRestart = FakeDockerDaemon.events(List.of(), 0, Duration.ZERO,
                Ending.KEEP_OPEN);
        daemon.route(LIST, noContainers())
                .route("/v1.43/containers/" + EVENT_CONTAINER + "/json",
                        inspect("container_inspect_moby_api_v1.43_example.json", EVENT_CONTAINER))
                .route(EVENTS, (request, exchange) -> (subscriptions.getAndIncrement() == 0 ? firstStream
                        : afterRestart).answer(request, exchange));

        listener.start(events);

        String serviceId = "docker://" + EVENT_CONTAINER;
        await().atMost(Duration.ofSeconds(5)).until(() -> events.changes().contains("-" + serviceId));
        assertThat(events.changes()).containsExactly("+" + serviceId, "-" + serviceId);
        assertThat(store.containers()).isEmpty();
    }

    @Test
    void retriesWithBackoffWhileTheDaemonFails() {
        AtomicInteger listings = new AtomicInteger();
        FakeDockerDaemon.Handler failing = FakeDockerDaemon.error(500, "Cannot connect to the containerd socket");
        daemon.route(LIST, (request, exchange) -> (listings.incrementAndGet() <= 2 ? failing
                        : FakeDockerDaemon.resource("containers_list_dockerjava_1.22.json")).answer(request, exchange))
                .route("/v1.43/containers/" + LISTED_CONTAINER + "/json",
                        inspect("container_inspect_dockerjava_1.24.json", LISTED_CONTAINER))
                .route(EVENTS, FakeDockerDaemon.events(List.of(), 0, Duration.ZERO, Ending.KEEP_OPEN));

        listener.start(events);

        await().atMost(Duration.ofSeconds(5)).until(() -> events.changes().equals(
                List.of("+docker://" + LISTED_CONTAINER)));
        assertThat(listings.get()).isEqualTo(3);
        assertThat(events.added("docker://" + LISTED_CONTAINER).adIdentifiers())
                .containsExactly("docker://" + LISTED_CONTAINER, "busybox");
    }

    private List<FakeDockerDaemon.Request> eventRequests() {
        return daemon.requests().stream().filter(r -> r.path().equals(EVENTS)).toList();
    }

    /** The recorded inspect answer, its {@code Id} set to the container the test asks about. */
    private static FakeDockerDaemon.Handler inspect(String resource, String id) {
        ObjectNode container = (ObjectNode) FakeDockerDaemon.JSON.readTree(FakeDockerDaemon.read(resource));
        container.put("Id", id);
        byte[] body = FakeDockerDaemon.JSON.writeValueAsBytes(container);
        return (request, exchange) -> exchange.respond(200, body);
    }

    /** The recorded API 1.22 list (one running container), its {@code Id} set to the given one. */
    private static FakeDockerDaemon.Handler listing(String id) {
        ArrayNode list = (ArrayNode) FakeDockerDaemon.JSON.readTree(
                FakeDockerDaemon.read("containers_list_dockerjava_1.22.json"));
        ((ObjectNode) list.get(0)).put("Id", id);
        byte[] body = FakeDockerDaemon.JSON.writeValueAsBytes(list);
        return (request, exchange) -> exchange.respond(200, body);
    }

    private static FakeDockerDaemon.Handler noContainers() {
        return (request, exchange) -> exchange.respond(200, "[]".getBytes(StandardCharsets.UTF_8));
    }
}
