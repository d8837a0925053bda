package dev.logsagent.autodiscovery.listeners;

import com.sun.net.httpserver.HttpServer;
import dev.logsagent.autodiscovery.Service;
import dev.logsagent.autodiscovery.ServicePort;
import dev.logsagent.autodiscovery.workloads.Pod;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class KubeletListenerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONTAINERD_PODS = "datadog-agent_podlist_init_container_running.json";
    private static final String DOCKER_PODS = "datadog-agent_podlist_container_ready.json";
    private static final String COREDNS =
            "containerd://509057eef9c66fcae1627a278216e29a0504d9b2e85ccc79c09b316dba7554e2";
    private static final String COREDNS_UID = "23476f2c-61e0-11e9-bc12-02f121c1eeb4";

    @TempDir
    Path dir;
    private HttpServer kubelet;
    private final AtomicReference<byte[]> podList = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final WorkloadStore store = new WorkloadStore();
    private final RecordingEvents events = new RecordingEvents();
    private final Path podsPath = Path.of("/var/log/pods");
    private KubeletListener listener;

    @BeforeEach
    void startKubelet() throws IOException {
        kubelet = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        kubelet.createContext("/pods", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = podList.get();
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        kubelet.start();
        Path token = Files.writeString(dir.resolve("token"), "service-account-token\n");
        URI base = URI.create("http://127.0.0.1:" + kubelet.getAddress().getPort());
        // Polls once at start; the tests poll again when they have changed what the kubelet answers.
        listener = new KubeletListener(new KubeletSettings(base, token, dir.resolve("no-ca.crt"), true,
                Duration.ofHours(1), podsPath), store);
    }

    @AfterEach
    void stop() {
        listener.close();
        kubelet.stop(0);
    }

    @Test
    void reportsEveryRunningContainerOfThePodsAsAServiceWithItsCriLogFolder() {
        podList.set(resource(CONTAINERD_PODS));

        startAndAwaitServices(5);

        assertThat(events.changes()).containsExactlyInAnyOrder("+" + COREDNS,
                "+containerd://922a2f3f14d1724d7eeb6cad2b5138bcbd85948c802fead1af2a1e5d79807e4e",
                "+containerd://6f23d0cd20742a67eb07581b2a7b79b48f6814c4fef313b51d0af76813482c2a",
                "+containerd://7fe704a201c2603b1df543c3c450c289cbe0c08319b26bbae69b03d6932ec9a2",
                "+containerd://380f36a6fa8887c3613f4adbe57411972cde49e5dd419dabbcebc2ae767e6e6b");
        Service coredns = events.added(COREDNS);
        assertThat(coredns.runtime()).isEqualTo("containerd");
        assertThat(coredns.adIdentifiers()).containsExactly(COREDNS, "coredns/coredns:1.1.1", "coredns/coredns",
                "coredns");
        assertThat(coredns.hosts()).containsExactly(entry("pod", "192.168.253.58"));
        assertThat(coredns.ports()).containsExactly(new ServicePort(53, "dns"), new ServicePort(53, "dns-tcp"),
                new ServicePort(9153, "metrics"));
        assertThat(coredns.kube()).containsOnly(entry("pod_name", "coredns-747dbcf5df-qmtnl"),
                entry("namespace", "kube-system"), entry("pod_uid", COREDNS_UID), entry("container_name", "coredns"));
        assertThat(coredns.hostname()).isEqualTo("coredns-747dbcf5df-qmtnl");
        assertThat(coredns.logPath()).isEqualTo(
                "/var/log/pods/kube-system_coredns-747dbcf5df-qmtnl_" + COREDNS_UID + "/coredns/*.log");
        assertThat(authorizations).first().isEqualTo("Bearer service-account-token");
    }

    @Test
    void putsThePodsInTheStoreWithOwnersAndTheIdsOfStartedContainers() {
        podList.set(resource(CONTAINERD_PODS));

        startAndAwaitServices(5);

        assertThat(store.pods()).hasSize(5);
        Pod coredns = store.pod(COREDNS_UID).orElseThrow();
        assertThat(coredns.name()).isEqualTo("coredns-747dbcf5df-qmtnl");
        assertThat(coredns.namespace()).isEqualTo("kube-system");
        assertThat(coredns.phase()).isEqualTo("Running");
        assertThat(coredns.ip()).isEqualTo("192.168.253.58");
        assertThat(coredns.owners()).containsExactly("ReplicaSet/coredns-747dbcf5df");
        assertThat(coredns.labels()).containsEntry("dns", "coredns");
        assertThat(coredns.containers()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("coredns");
            assertThat(c.image()).isEqualTo("coredns/coredns:1.1.1");
            assertThat(c.id()).isEqualTo(COREDNS);
            assertThat(c.ports()).containsExactly(53, 9153);
            assertThat(c.portNames()).containsOnly(entry("dns", "53"), entry("dns-tcp", "53"),
                    entry("metrics", "9153"));
        });
        Pod myapp = store.pods().stream().filter(p -> p.name().equals("myapp-pod")).findFirst().orElseThrow();
        assertThat(myapp.containers()).extracting(Pod.PodContainer::name, Pod.PodContainer::id).containsExactly(
                tuple("init-myservice",
                        "containerd://922a2f3f14d1724d7eeb6cad2b5138bcbd85948c802fead1af2a1e5d79807e4e"),
                tuple("myapp-container", null));
    }

    @Test
    void removesTheServicesAndThePodThatDisappearedAndNothingElse() throws Exception {
        podList.set(resource(CONTAINERD_PODS));
        startAndAwaitServices(5);
        long version = store.version();

        podList.set(withoutPod(resource(CONTAINERD_PODS), COREDNS_UID));
        listener.poll();

        assertThat(events.changes()).hasSize(6).last().isEqualTo("-" + COREDNS);
        assertThat(store.pod(COREDNS_UID)).isEmpty();
        assertThat(store.pods()).hasSize(4);
        assertThat(store.version()).isEqualTo(version + 1);
    }

    @Test
    void keepsWhatItSawWhileTheKubeletFails() throws Exception {
        podList.set(resource(CONTAINERD_PODS));
        startAndAwaitServices(5);
        podList.set("{\"kind\":\"Status\",\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
        status.set(401);

        listener.poll();

        assertThat(store.pods()).hasSize(5);
        status.set(200);
        podList.set(resource(CONTAINERD_PODS));
        listener.poll();
        assertThat(events.changes()).hasSize(5).allMatch(change -> change.startsWith("+"));
        assertThat(authorizations).hasSize(3);
    }

    @Test
    void namesDockerContainersOfAKubeletOnDockerByTheirDockerId() {
        podList.set(resource(DOCKER_PODS));

        startAndAwaitServices(5);

        String redis = "docker://84adac90973fa1263ccf1e296cec72acb4128b6e19fd25bffe4fafb059adafc0";
        Service service = events.added(redis);
        assertThat(service.runtime()).isEqualTo("docker");
        assertThat(service.adIdentifiers()).containsExactly(redis, "redis");
        assertThat(service.ports()).containsExactly(new ServicePort(6379, "redis"));
        assertThat(service.kube()).containsEntry("pod_name", "redis-unready-69cfd574f5-wg9vb");
    }

    private void startAndAwaitServices(int count) {
        listener.start(events);
        await().atMost(Duration.ofSeconds(5)).until(() -> events.changes().size() == count);
    }

    private static byte[] resource(String name) {
        try (InputStream in = KubeletListenerTest.class.getResourceAsStream("/kubernetes/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded PodList with one pod deleted. */
    private static byte[] withoutPod(byte[] podList, String uid) {
        ObjectNode list = (ObjectNode) JSON.readTree(podList);
        ArrayNode items = (ArrayNode) list.get("items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (item.path("metadata").path("uid").asString("").equals(uid)) {
                items.remove(i);
                break;
            }
        }
        return JSON.writeValueAsBytes(list);
    }
}
