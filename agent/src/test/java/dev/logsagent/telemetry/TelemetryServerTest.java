package dev.logsagent.telemetry;

import dev.logsagent.errors.StartupException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelemetryServerTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Telemetry telemetry;
    private TelemetryServer server;
    private int port;

    @BeforeEach
    void startServer() {
        telemetry = new Telemetry();
        server = new TelemetryServer(telemetry.registry(), 0);
        server.start();
        port = server.port();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void telemetryServesLogsCountersAndJvmMetricsInPrometheusText() throws Exception {
        LogsMetrics metrics = new LogsMetrics(telemetry.registry());
        metrics.logsSent.inc(3);
        metrics.httpResponses.labelValues("http://intake", "200").inc();

        HttpResponse<String> response = get("/telemetry");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body())
                .contains("# TYPE logs_sent_total counter")
                .contains("\nlogs_sent_total 3.0\n")
                .contains("logs_http_responses_total{code=\"200\",destination=\"http://intake\"} 1.0")
                .contains("\njvm_memory_used_bytes{area=\"heap\"}")
                .contains("\njvm_threads_current ");
    }

    @Test
    void metricsPathServesTheSameRegistry() throws Exception {
        new LogsMetrics(telemetry.registry()).logsDropped.inc(2);

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\nlogs_dropped_total 2.0\n").contains("jvm_");
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        for (String path : new String[] {"/", "/telemetry/extra", "/metricsx", "/debug/vars"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).startsWith("not found: " + path);
        }
    }

    @Test
    void onlyGetIsAllowed() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/telemetry"))
                .POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void portInUseIsAOneLineStartupError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             TelemetryServer second = new TelemetryServer(telemetry.registry(), taken.getLocalPort())) {

            assertThatThrownBy(second::start)
                    .isInstanceOf(StartupException.class)
                    .hasMessage("telemetry port 127.0.0.1:" + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void closeStopsServingAndFreesThePort() throws Exception {
        assertThat(get("/telemetry").statusCode()).isEqualTo(200);

        server.close();

        assertThatThrownBy(() -> get("/telemetry")).isInstanceOf(ConnectException.class);
        try (TelemetryServer again = new TelemetryServer(telemetry.registry(), port)) {
            again.start();
            assertThat(again.port()).isEqualTo(port);
        }
    }

    @Test
    void portIsUnknownBeforeStart() {
        try (TelemetryServer notStarted = new TelemetryServer(telemetry.registry(), 0)) {
            assertThatThrownBy(notStarted::port)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("telemetry server is not started");
        }
    }

    @Test
    void refusesAPortOutOfRange() {
        assertThatThrownBy(() -> new TelemetryServer(telemetry.registry(), 65_536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("telemetry port must be 0 to 65535, got 65536");
    }
}
