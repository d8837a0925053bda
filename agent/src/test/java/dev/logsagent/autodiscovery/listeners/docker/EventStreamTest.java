package dev.logsagent.autodiscovery.listeners.docker;

import dev.logsagent.autodiscovery.listeners.docker.FakeDockerDaemon.Ending;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

class EventStreamTest {
    private static final String CONTAINER = "ede54ee1afda366ab42f824e8a5ffd195155d853ceaec74a927f249ea270c743";
    private static final List<String> LIFE_CYCLE = FakeDockerDaemon.resourceLines(
            "events_stream_moby_api_v1.24_example.jsonl");
    /** Before the first event of the recording: the daemon replays all of them. */
    private static final Instant BEFORE_ALL = Instant.ofEpochSecond(1461943100);
    private static final Instant AFTER_START = Instant.ofEpochSecond(1461943101, 607533797);
    private static final Instant AFTER_DESTROY = Instant.ofEpochSecond(1461943105, 338056027);
    private static final String EVENTS = "/v1.43/events";

    @TempDir
    Path dir;
    private FakeDockerDaemon daemon;
    private DockerClient client;
    private final List<DockerEvent> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startDaemon() throws IOException {
        daemon = FakeDockerDaemon.onUnixSocket(dir.resolve("docker.sock"));
        client = new DockerClient(daemon.dockerHost(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stopDaemon() throws IOException {
        daemon.close();
    }

    @Test
    void deliversContainerStartDieAndDestroyInOrderAsTheyCome() throws IOException {
        daemon.route(EVENTS, FakeDockerDaemon.events(LIFE_CYCLE, 0, Duration.ofMillis(10), Ending.KEEP_OPEN));

        try (EventStream stream = client.events(BEFORE_ALL, received::add)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 6);

            assertThat(received).extracting(DockerEvent::action)
                    .containsExactly("create", "attach", "start", "resize", "die", "destroy");
            assertThat(received).allSatisfy(event -> {
                assertThat(event.type()).isEqualTo("container");
                assertThat(event.id()).isEqualTo(CONTAINER);
                assertThat(event.attributes()).contains(entry("image", "alpine"), entry("name", "my-container"),
                        entry("com.example.some-label", "some-label-value"));
            });
            assertThat(received.get(4).attributes()).containsEntry("exitCode", "0");
            assertThat(received.get(2).time()).isEqualTo(Instant.ofEpochSecond(1461943101, 607533796));
            assertThat(stream.isOpen()).isTrue();
            assertThat(stream.resumeFrom()).isEqualTo(AFTER_DESTROY);
        }
        FakeDockerDaemon.Request request = daemon.requests().getLast();
        assertThat(request.path()).isEqualTo(EVENTS);
        assertThat(request.query("since")).isEqualTo("1461943100.000000000");
        assertThat(request.query("filters")).isEqualTo("{\"type\":[\"container\"]}");
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64, 100, 251, 4096})
    void eventsSurviveChunkBoundariesAnywhere(int chunkSize) throws Exception {
        daemon.route(EVENTS, FakeDockerDaemon.events(LIFE_CYCLE, chunkSize, Duration.ZERO, Ending.FINISH));

        try (EventStream stream = client.events(BEFORE_ALL, received::add)) {
            assertThat(stream.ended().get(5, TimeUnit.SECONDS)).isEqualTo(AFTER_DESTROY);
        }
        assertThat(received).extracting(DockerEvent::action)
                .containsExactly("create", "attach", "start", "resize", "die", "destroy");
        assertThat(received).extracting(DockerEvent::timeNano).isSorted();
    }

    @Test
    void reconnectingFromWhereTheClosedStreamStoppedMissesNothingAndRepeatsNothing() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        FakeDockerDaemon.Handler untilStartThenFinish = FakeDockerDaemon.events(LIFE_CYCLE.subList(0, 5), 0,
                Duration.ofMillis(5), Ending.FINISH);
        FakeDockerDaemon.Handler everythingSince = FakeDockerDaemon.events(LIFE_CYCLE, 0, Duration.ofMillis(5),
                Ending.KEEP_OPEN);
        daemon.route(EVENTS, (request, exchange) -> {
            if (connections.getAndIncrement() == 0) {
                untilStartThenFinish.answer(request, exchange);
            } else {
                everythingSince.answer(request, exchange);
            }
        });

        Instant resumeFrom;
        try (EventStream first = client.events(BEFORE_ALL, received::add)) {
            resumeFrom = first.ended().get(5, TimeUnit.SECONDS);
            assertThat(first.isOpen()).isFalse();
        }
        assertThat(resumeFrom).isEqualTo(AFTER_START);
        try (EventStream second = client.events(resumeFrom, received::add)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= 6);
        }

        assertThat(received).extracting(DockerEvent::action)
                .containsExactly("create", "attach", "start", "resize", "die", "destroy");
        assertThat(daemon.requests()).filteredOn(request -> request.path().equals(EVENTS))
                .extracting(request -> request.query("since"))
                .containsExactly("1461943100.000000000", "1461943101.607533797");
    }

    @Test
    void closingTheStreamDisconnectsAndEndsIt() throws Exception {
        daemon.route(EVENTS, FakeDockerDaemon.events(LIFE_CYCLE.subList(0, 2), 0, Duration.ZERO, Ending.KEEP_OPEN));
        EventStream stream = client.events(BEFORE_ALL, received::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);

        stream.close();

        assertThat(stream.ended().get(5, TimeUnit.SECONDS)).isEqualTo(Instant.ofEpochSecond(1461943101, 381709552));
        assertThat(stream.isOpen()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> daemon.openConnections() == 0);
    }

    @Test
    void daemonGoingAwayMidStreamEndsTheStreamWithAnError() throws Exception {
        daemon.route(EVENTS, FakeDockerDaemon.events(LIFE_CYCLE.subList(0, 5), 0, Duration.ZERO, Ending.VANISH));

        try (EventStream stream = client.events(BEFORE_ALL, received::add)) {
            assertThatThrownBy(() -> stream.ended().get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(EOFException.class)
                    .hasMessageContaining("the connection was closed");
            assertThat(stream.resumeFrom()).isEqualTo(AFTER_START);
        }
        assertThat(received).extracting(DockerEvent::action).containsExactly("create", "attach", "start");
    }

    @Test
    void malformedEventEndsTheStreamWithAnErrorAfterTheGoodOnes() throws Exception {
        List<String> lines = List.of(LIFE_CYCLE.get(1), "{\"Type\":\"container\",\"Action\":");
        daemon.route(EVENTS, (request, exchange) -> {
            exchange.startChunked(200);
            for (String line : lines) {
                byte[] bytes = (line + "\n").getBytes();
                exchange.chunk(bytes, 0, bytes.length);
            }
            exchange.finishChunked();
        });

        try (EventStream stream = client.events(BEFORE_ALL, received::add)) {
            assertThatThrownBy(() -> stream.ended().get(5, TimeUnit.SECONDS))
                    .cause().isInstanceOf(IOException.class)
                    .hasMessageStartingWith("docker at " + daemon.dockerHost() + " sent a malformed event");
        }
        assertThat(received).extracting(DockerEvent::action).containsExactly("create");
    }

    @Test
    void consumerFailureStopsTheStreamAndIsReported() throws Exception {
        daemon.route(EVENTS, FakeDockerDaemon.events(LIFE_CYCLE, 0, Duration.ZERO, Ending.KEEP_OPEN));
        IllegalStateException failure = new IllegalStateException("listener broke");

        try (EventStream stream = client.events(BEFORE_ALL, event -> {
            received.add(event);
            if (event.action().equals("attach")) {
                throw failure;
            }
        })) {
            assertThatThrownBy(() -> stream.ended().get(5, TimeUnit.SECONDS)).cause().isSameAs(failure);
            assertThat(stream.resumeFrom()).as("the failed event is delivered again on reconnection")
                    .isEqualTo(Instant.ofEpochSecond(1461943101, 381709552));
        }
        assertThat(received).extracting(DockerEvent::action).containsExactly("create", "attach");
    }

    @Test
    void refusedSubscriptionIsThrownWithTheDaemonsMessage() {
        daemon.route(EVENTS, FakeDockerDaemon.error(400, "invalid filter 'type=container'"));

        assertThatThrownBy(() -> client.events(BEFORE_ALL, received::add))
                .isInstanceOfSatisfying(DockerApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageEndingWith("with HTTP 400: invalid filter 'type=container'");
        await().atMost(Duration.ofSeconds(5)).until(() -> daemon.openConnections() == 0);
    }
}
