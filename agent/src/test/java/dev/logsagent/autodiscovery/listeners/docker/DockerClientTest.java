package dev.logsagent.autodiscovery.listeners.docker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class DockerClientTest {
    @TempDir
    Path dir;
    private FakeDockerDaemon daemon;
    private DockerClient client;

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
    void listsContainersWithTheirLabelsAndState() throws IOException {
        daemon.route("/v1.43/containers/json",
                FakeDockerDaemon.resource("containers_list_moby_api_v1.43_example.json"));

        List<ContainerSummary> containers = client.listContainers();

        assertThat(containers).extracting(ContainerSummary::name)
                .containsExactly("boring_feynman", "coolName", "sleepy_dog", "running_cat");
        ContainerSummary first = containers.getFirst();
        assertThat(first.id()).isEqualTo("8dfafdbc3a40");
        assertThat(first.image()).isEqualTo("ubuntu:latest");
        assertThat(first.imageId()).isEqualTo("d74508fb6632491cea586a1fd7d748dfc5274cd6fdfedee309ecdcbc2bf5cb82");
        assertThat(first.labels()).containsExactly(entry("com.example.vendor", "Acme"),
                entry("com.example.license", "GPL"), entry("com.example.version", "1.0"));
        assertThat(first.state()).isEqualTo("exited");
        assertThat(containers.get(1).labels()).isEmpty();
    }

    @Test
    void listsContainersOfAnOldDaemonWhoseStateIsOnlyInTheStatusLine() throws IOException {
        daemon.route("/v1.43/containers/json",
                FakeDockerDaemon.chunkedResource("containers_list_dockerjava_1.22.json", 1));

        List<ContainerSummary> containers = client.listContainers();

        assertThat(containers).singleElement().satisfies(container -> {
            assertThat(container.id()).isEqualTo("095351afe7b4995dfb3e965f9cfd3a07b1fe69198c50085a2cb7c2b5a5c9b62f");
            assertThat(container.names()).containsExactly("drunk_golick");
            assertThat(container.image()).isEqualTo("busybox");
            assertThat(container.labels()).isEmpty();
            assertThat(container.state()).isEqualTo("running");
        });
    }

    @Test
    void inspectsAContainerOfApi143() throws IOException {
        String id = "ba033ac4401106a3b513bc9d639eee123ad78ca3616b921167cd74b20e25ed39";
        daemon.route("/v1.43/containers/" + id + "/json",
                FakeDockerDaemon.chunkedResource("container_inspect_moby_api_v1.43_example.json", 7));

        ContainerInfo container = client.inspect(id);

        assertThat(container.id()).isEqualTo(id);
        assertThat(container.name()).isEqualTo("boring_euclid");
        assertThat(container.image()).isEqualTo("ubuntu");
        assertThat(container.imageId()).isEqualTo("04c5d3b7b0656168630d3ba35d8889bd0e9caafcaeb3004d2bfbc47e7c5d35d2");
        assertThat(container.labels()).containsExactly(entry("com.example.vendor", "Acme"),
                entry("com.example.license", "GPL"), entry("com.example.version", "1.0"));
        assertThat(container.env())
                .containsExactly(entry("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        assertThat(container.logPath()).isEqualTo("/var/lib/docker/containers/"
                + "1eb5fabf5a03807136561b3c00adcd2992b535d624d5e18b6cdc6a6844d9767b/"
                + "1eb5fabf5a03807136561b3c00adcd2992b535d624d5e18b6cdc6a6844d9767b-json.log");
        assertThat(container.running()).isTrue();
        assertThat(container.exitCode()).isEqualTo(9);
        assertThat(container.hostname()).isEqualTo("ba033ac44011");
        assertThat(container.ipAddresses()).containsExactly(entry("bridge", "172.17.0.2"));
        assertThat(container.exposedPorts()).isEmpty();
        assertThat(container.pid()).isZero();
        assertThat(container.created()).isEqualTo(Instant.parse("2015-01-06T15:47:31.485331387Z"));
    }

    @Test
    void inspectsAContainerOfApi124WithNoEnvironment() throws IOException {
        String id = "fc1243c01bbb791d9eca64204d76f72fc47fbebbca892d7dd0a5cd0e4e346045";
        daemon.route("/v1.43/containers/" + id + "/json",
                FakeDockerDaemon.resource("container_inspect_dockerjava_1.24.json"));

        ContainerInfo container = client.inspect(id);

        assertThat(container.name()).isEqualTo("small_hodgkin");
        assertThat(container.image()).isEqualTo("busybox");
        assertThat(container.env()).isEmpty();
        assertThat(container.labels()).isEmpty();
        assertThat(container.logPath()).isEqualTo("/mnt/sda1/var/lib/docker/containers/" + id + "/" + id + "-json.log");
        assertThat(container.running()).isTrue();
        assertThat(container.pid()).isEqualTo(10912);
        assertThat(container.ipAddresses()).containsExactly(entry("bridge", "172.17.0.2"));
        assertThat(container.created()).isEqualTo(Instant.parse("2015-11-20T21:10:34.775649753Z"));
    }

    @Test
    void inspectsAContainerOfAnOldDaemonWithoutPerNetworkSettings() throws IOException {
        String id = "469e5edd8d5b33e3c905a7ffc97360ec6ee211d6782815fbcd144568045819e1";
        daemon.route("/v1.43/containers/" + id + "/json",
                FakeDockerDaemon.chunkedResource("container_inspect_dockerjava_full.json", 1000));

        ContainerInfo container = client.inspect(id);

        assertThat(container.name()).isEqualTo("desperate_babbage");
        assertThat(container.image()).isEqualTo("jenkinsci/workflow-demo");
        assertThat(container.env()).containsExactly(
                entry("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                entry("MAVEN_VERSION", "3.3.1"),
                entry("JETTY_VERSION", "9.2.9.v20150224"),
                entry("REV", "107ea141f5c7581056c6eb53d2ccd222cdf0d58c"));
        assertThat(container.exposedPorts()).containsExactly(22, 8080, 8081);
        assertThat(container.ipAddresses()).containsExactly(entry("bridge", "172.17.0.2"));
        assertThat(container.hostname()).isEqualTo("469e5edd8d5b");
        assertThat(container.pid()).isEqualTo(898);
        assertThat(container.exitCode()).isZero();
        assertThat(container.logPath()).endsWith("/" + id + "/" + id + "-json.log");
    }

    @Test
    void unknownContainerIsA404CarryingTheDaemonsMessage() {
        daemon.route("/v1.43/containers/nope/json", FakeDockerDaemon.error(404, "No such container: nope"));

        assertThatThrownBy(() -> client.inspect("nope"))
                .isInstanceOfSatisfying(DockerApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.daemonMessage()).isEqualTo("No such container: nope");
                })
                .hasMessage("docker answered GET /v1.43/containers/nope/json with HTTP 404: No such container: nope");
    }

    @Test
    void containerNamesAreEscapedInThePath() throws IOException {
        daemon.route("/v1.43/containers/a%2Fb/json",
                FakeDockerDaemon.resource("container_inspect_dockerjava_1.24.json"));

        assertThat(client.inspect("a/b").name()).isEqualTo("small_hodgkin");
    }

    @Test
    void usesTheApiVersionTheDaemonAnnounces() throws IOException {
        daemon.route("/v1.43/containers/json", FakeDockerDaemon.resource("containers_list_dockerjava_1.22.json"));

        client.listContainers();
        client.listContainers();

        assertThat(client.apiVersion()).isEqualTo("1.43");
        assertThat(daemon.requests()).extracting(FakeDockerDaemon.Request::target)
                .containsExactly("/version", "/v1.43/containers/json", "/v1.43/containers/json");
    }

    @Test
    void fallsBackToApi124WhenTheDaemonDoesNotAnnounceItsVersion() throws IOException {
        daemon.route("/version", FakeDockerDaemon.error(500, "version unavailable"));
        daemon.route("/v1.24/containers/json", FakeDockerDaemon.resource("containers_list_dockerjava_1.22.json"));

        assertThat(client.listContainers()).hasSize(1);
        assertThat(client.apiVersion()).isEqualTo(DockerClient.DEFAULT_API_VERSION).isEqualTo("1.24");
    }

    @Test
    void missingSocketIsAClearError() {
        Path socket = dir.resolve("absent.sock");
        DockerClient absent = new DockerClient("unix://" + socket);

        assertThatThrownBy(absent::listContainers)
                .isInstanceOf(IOException.class)
                .hasMessage("cannot reach docker at unix://" + socket + ": no such socket");
    }

    @Test
    void socketWithNoDaemonBehindItIsRefused() throws IOException {
        Path socket = dir.resolve("stale.sock");
        try (ServerSocketChannel stale = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(socket));
        }

        assertThatThrownBy(() -> new DockerClient("unix://" + socket).listContainers())
                .isInstanceOf(IOException.class)
                .hasMessage("cannot reach docker at unix://" + socket
                        + ": connection refused (is the daemon running?)");
    }

    @Test
    void daemonThatDoesNotAnswerTimesOut() {
        daemon.route("/v1.43/containers/json", FakeDockerDaemon.silent());
        DockerClient impatient = new DockerClient(daemon.dockerHost(), Duration.ofMillis(300));

        long start = System.nanoTime();
        assertThatThrownBy(impatient::listContainers)
                .isInstanceOf(SocketTimeoutException.class)
                .hasMessage("docker at " + daemon.dockerHost() + " did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void malformedJsonIsAnErrorNamingTheRequest() {
        daemon.route("/v1.43/containers/json", (request, exchange) -> exchange.respond(200, "[{\"Id\":".getBytes()));

        assertThatThrownBy(client::listContainers)
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("docker answered GET /v1.43/containers/json with malformed JSON");
    }

    @Test
    void bodyCutShortIsAnErrorNotAShortList() {
        daemon.route("/v1.43/containers/json", (request, exchange) -> {
            exchange.startChunked(200);
            byte[] half = "[{\"Id\":\"abc\"},".getBytes();
            exchange.chunk(half, 0, half.length);
        });

        assertThatThrownBy(client::listContainers)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("docker's answer to GET /v1.43/containers/json");
    }

    @Test
    void reachesADaemonOverTcp() throws IOException {
        try (FakeDockerDaemon tcp = FakeDockerDaemon.onLoopbackTcp()) {
            tcp.route("/v1.43/containers/json", FakeDockerDaemon.resource("containers_list_dockerjava_1.22.json"));

            List<ContainerSummary> containers = new DockerClient(tcp.dockerHost()).listContainers();

            assertThat(containers).extracting(ContainerSummary::name).containsExactly("drunk_golick");
        }
    }

    @Test
    void refusesAddressesItCannotUse() {
        assertThatThrownBy(() -> new DockerClient("npipe:////./pipe/docker_engine"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("docker_host npipe:////./pipe/docker_engine is not supported: "
                        + "use unix:///path/to/docker.sock or tcp://host:port");
        assertThatThrownBy(() -> new DockerClient("unix://docker.sock"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs an absolute path");
    }

    @Test
    void toleratesAnInspectWithAlmostNothingInIt() {
        ContainerInfo container = ContainerInfo.fromJson(FakeDockerDaemon.JSON.readTree(
                "{\"Id\":\"abc\",\"Config\":null,\"State\":{\"Running\":\"yes\"},\"NewField\":{\"x\":[1]}}"));

        assertThat(container).isEqualTo(new ContainerInfo("abc", "", "", "", Map.of(), Map.of(), "", false, 0, "",
                Map.of(), List.of(), 0, Instant.EPOCH));
    }
}
