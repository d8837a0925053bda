package dev.logsagent.logs.sender;

import com.github.luben.zstd.ZstdInputStream;
import dev.logsagent.serializer.Compression;
import dev.logsagent.telemetry.LogsMetrics;
import dev.logsagent.util.retry.BackoffPolicy;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The HTTP intake destination against real servers on 127.0.0.1: what it sends, how it retries, drops, reconnects. */
class HttpDestinationTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String A = "{\"message\":\"a\",\"hostname\":\"web-1\"}";
    private static final String B = "{\"message\":\"b \\\"quoted\\\"\",\"hostname\":\"web-1\"}";
    private static final String C = "{\"message\":\"c\",\"hostname\":\"web-1\"}";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final LogsMetrics metrics = new LogsMetrics(new PrometheusRegistry());
    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private HttpDestination destination(String url, String apiKey, Compression compression, Duration timeout,
                                        SSLSocketFactory tls) {
        return open(new HttpDestination(URI.create(url), apiKey, compression,
                new BackoffPolicy(0.02, 2, 0.2, 1, new Random(1)), metrics, "logs-agent/test", timeout, tls));
    }

    private HttpDestination destination(int port) {
        return destination("http://127.0.0.1:" + port + "/api/v2/logs", KEY, Compression.none(), TIMEOUT, null);
    }

    private static byte[] body(Payload payload) {
        return Arrays.copyOf(payload.body(), payload.length());
    }

    private long responses(HttpDestination d, int code) {
        return (long) metrics.httpResponses.labelValues(d.name(), Integer.toString(code)).get();
    }

    private long errors(HttpDestination d) {
        return (long) metrics.destinationErrors.labelValues(d.name()).get();
    }

    @Test
    void postsThePayloadAsItIsWithTheIntakeHeadersOnOneConnection() throws Exception {
        HttpTestIntake intake = open(new HttpTestIntake(null));
        HttpDestination d = destination(intake.port());
        Payload first = TestPayloads.of(0, A, B);
        Payload second = TestPayloads.of(1, C);

        assertThat(d.send(first)).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(d.send(second)).isEqualTo(DeliveryResult.DELIVERED);

        List<HttpTestIntake.Request> requests = intake.requests();
        assertThat(requests).extracting(HttpTestIntake.Request::body).containsExactly(body(first), body(second));
        HttpTestIntake.Request request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v2/logs");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("DD-PROTOCOL")).isEqualTo("agent-json");
        assertThat(request.header("User-Agent")).isEqualTo("logs-agent/test");
        assertThat(request.header("DD-API-KEY")).isEqualTo(KEY);
        assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + intake.port());
        assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(first.length()));
        assertThat(request.header("Content-Encoding")).isNull();
        assertThat(intake.connections()).isEqualTo(1);
        assertThat(d.name()).isEqualTo("http://127.0.0.1:" + intake.port() + "/api/v2/logs");
        assertThat(d.status()).isEqualTo(new DestinationStatus(d.name(), "connected", true, 2, 0, 0));
        assertThat((long) metrics.encodedBytesSent.get()).isEqualTo(first.length() + second.length());
        assertThat(responses(d, 200)).isEqualTo(2);
    }

    @Test
    void aCompressedPayloadIsSentCompressedAndSaysSo() throws Exception {
        HttpTestIntake intake = open(new HttpTestIntake(null));
        HttpDestination d = destination("http://127.0.0.1:" + intake.port() + "/api/v2/logs", KEY,
                Compression.zstd(1), TIMEOUT, null);
        Payload payload = TestPayloads.of(0, A, B, C);

        assertThat(d.send(payload)).isEqualTo(DeliveryResult.DELIVERED);

        HttpTestIntake.Request request = intake.requests().get(0);
        assertThat(request.header("Content-Encoding")).isEqualTo("zstd");
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(request.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(body(payload));
        }
        assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(request.body().length));
        assertThat((long) metrics.encodedBytesSent.get()).isEqualTo(request.body().length);
    }

    @Test
    void withoutAnApiKeyNoKeyHeaderIsSent() throws Exception {
        HttpTestIntake intake = open(new HttpTestIntake(null));
        HttpDestination d = destination("http://127.0.0.1:" + intake.port() + "/api/v2/logs", "",
                Compression.none(), TIMEOUT, null);

        assertThat(d.send(TestPayloads.of(0, A))).isEqualTo(DeliveryResult.DELIVERED);

        assertThat(intake.requests().get(0).header("DD-API-KEY")).isNull();
    }

    @Test
    void answers503And429And408AreRetriedUntilThePayloadIsAccepted() throws Exception {
        HttpTestIntake intake = open(new HttpTestIntake(null));
        int[] answers = {503, 429, 408, 200};
        AtomicInteger next = new AtomicInteger();
        intake.respondWith(() -> answers[next.getAndIncrement()]);
        HttpDestination d = destination(intake.port());
        Payload payload = TestPayloads.of(0, A, B);

        assertThat(d.send(payload)).isEqualTo(DeliveryResult.DELIVERED);

        assertThat(intake.requests()).hasSize(4).allSatisfy(r -> assertThat(r.body()).isEqualTo(body(payload)));
        assertThat(d.status()).isEqualTo(new DestinationStatus(d.name(), "connected", true, 1, 0, 3));
        assertThat((long) metrics.retryCount.get()).isEqualTo(3);
        assertThat(errors(d)).isEqualTo(3);
        assertThat(List.of(responses(d, 503), responses(d, 429), responses(d, 408), responses(d, 200)))
                .containsExactly(1L, 1L, 1L, 1L);
        assertThat(intake.connections()).isEqualTo(1);
    }

    @Test
    void otherRefusalsDropThePayloadAndAreCountedNotRetried() throws Exception {
        HttpTestIntake intake = open(new HttpTestIntake(null));
        int[] answers = {400, 413};
        AtomicInteger next = new AtomicInteger();
        intake.respondWith(() -> answers[next.getAndIncrement()]);
        HttpDestination d = destination(intake.port());

        assertThat(d.send(TestPayloads.of(0, A))).isEqualTo(DeliveryResult.DROPPED);
        assertThat(d.send(TestPayloads.of(1, B))).isEqualTo(DeliveryResult.DROPPED);

        assertThat(intake.requests()).hasSize(2);
        assertThat(d.status()).isEqualTo(new DestinationStatus(d.name(), "dropping: HTTP 413", true, 0, 2, 0));
        assertThat(errors(d)).isZero();
        assertThat(responses(d, 400)).isEqualTo(1);
    }

    @Test
    void whileTheIntakeIsDownTheSendRetriesAndBlocksThenDelivers() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        HttpDestination d = destination(port);
        BackgroundSend sender = BackgroundSend.start(d, TestPayloads.of(0, A, B));

        await().atMost(Duration.ofSeconds(5)).until(() -> d.status().retries() >= 2);
        assertThat(d.status().state()).startsWith("retrying: network error: java.net.ConnectException");
        assertThat(sender.outcome()).isNull();
        HttpTestIntake intake = open(new HttpTestIntake(null, InetAddress.getLoopbackAddress(), port));
        sender.join(Duration.ofSeconds(10));

        assertThat(sender.outcome()).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(intake.requests()).hasSize(1);
        assertThat((long) metrics.retryCount.get()).isEqualTo(d.status().retries());
        assertThat(errors(d)).isEqualTo(d.status().retries());
    }

    @Test
    void anIntakeThatDoesNotAnswerIsGivenUpAfterTheTimeoutAndTheSendRetried() throws Exception {
        HttpTestIntake intake = open(new HttpTestIntake(null));
        AtomicInteger requests = new AtomicInteger();
        intake.respondWith(() -> requests.getAndIncrement() == 0 ? HttpTestIntake.NO_ANSWER : 200);
        HttpDestination d = destination("http://127.0.0.1:" + intake.port() + "/api/v2/logs", KEY,
                Compression.none(), Duration.ofMillis(300), null);
        Payload payload = TestPayloads.of(0, A);

        assertThat(d.send(payload)).isEqualTo(DeliveryResult.DELIVERED);

        // At least once: the unanswered request is sent again, whatever became of it.
        assertThat(intake.requests()).hasSize(2).allSatisfy(r -> assertThat(r.body()).isEqualTo(body(payload)));
        assertThat(d.status().retries()).isEqualTo(1);
        assertThat(errors(d)).isEqualTo(1);
        assertThat(intake.connections()).isEqualTo(2);
    }

    @Test
    void aConnectionTheIntakeClosedWhileIdleIsReplacedWithoutAnErrorOrARetry() throws Exception {
        // The intake answers, then drops the connection without saying so, as an idle timeout would.
        ScriptedHttpServer server = open(new ScriptedHttpServer((index, request, out) -> {
            out.write(ScriptedHttpServer.answer(200, "{}"));
            return false;
        }));
        HttpDestination d = destination(server.port());

        assertThat(d.send(TestPayloads.of(0, A))).isEqualTo(DeliveryResult.DELIVERED);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.connectionsClosed() == 1);
        assertThat(d.send(TestPayloads.of(1, B))).isEqualTo(DeliveryResult.DELIVERED);

        assertThat(server.requests()).extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
                .containsExactly("[" + A + "]", "[" + B + "]");
        assertThat(d.status()).isEqualTo(new DestinationStatus(d.name(), "connected", true, 2, 0, 0));
        assertThat(errors(d)).isZero();
    }

    @Test
    void concurrentSendsAreEachDeliveredOnce() throws Exception {
        HttpTestIntake intake = open(new HttpTestIntake(null));
        HttpDestination d = destination(intake.port());
        List<Payload> payloads = IntStream.range(0, 40)
                .mapToObj(i -> TestPayloads.of(i, "{\"message\":\"" + i + "\"}")).toList();
        List<Object> outcomes = new CopyOnWriteArrayList<>();
        List<Thread> senders = new ArrayList<>();
        for (int worker = 0; worker < 4; worker++) {
            int first = worker;
            senders.add(Thread.ofVirtual().start(() -> {
                for (int i = first; i < payloads.size(); i += 4) {
                    try {
                        outcomes.add(d.send(payloads.get(i)));
                    } catch (InterruptedException e) {
                        outcomes.add(e);
                    }
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join(Duration.ofSeconds(30));
        }

        assertThat(outcomes).hasSize(40).containsOnly(DeliveryResult.DELIVERED);
        assertThat(intake.requests()).extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrderElementsOf(payloads.stream()
                        .map(p -> new String(body(p), StandardCharsets.UTF_8)).toList());
        assertThat(intake.connections()).isBetween(1L, 4L);
        assertThat(d.status().payloadsSent()).isEqualTo(40);
    }

    @Test
    void tlsToAnIntakeWhoseCertificateTheTestCaSigned() throws Exception {
        HttpTestIntake intake = open(new HttpTestIntake(TestCertificates.serverContext()));
        HttpDestination d = destination("https://127.0.0.1:" + intake.port() + "/api/v2/logs", KEY,
                Compression.none(), TIMEOUT, TestCertificates.clientFactory());
        Payload payload = TestPayloads.of(0, A, B, C);

        assertThat(d.send(payload)).isEqualTo(DeliveryResult.DELIVERED);

        assertThat(intake.requests()).extracting(HttpTestIntake.Request::body).containsExactly(body(payload));
        assertThat(intake.requests().get(0).header("DD-API-KEY")).isEqualTo(KEY);
    }

    @Test
    void tlsRefusesAnIntakeItDoesNotTrustAndSendsNothing() throws Exception {
        HttpTestIntake intake = open(new HttpTestIntake(TestCertificates.serverContext()));
        // The public constructor: the JVM's default trust store, which does not hold the test CA.
        HttpDestination d = open(new HttpDestination(URI.create("https://127.0.0.1:" + intake.port() + "/api/v2/logs"),
                KEY, Compression.none(), new BackoffPolicy(0.02, 2, 0.2, 1, new Random(1)), metrics,
                "logs-agent/test", TIMEOUT));
        BackgroundSend sender = BackgroundSend.start(d, TestPayloads.of(0, A));

        await().atMost(Duration.ofSeconds(10)).until(() -> d.status().retries() >= 1);
        assertThat(d.status().state()).startsWith("retrying: network error: javax.net.ssl.SSLHandshakeException");
        sender.interrupt();
        sender.join(Duration.ofSeconds(5));

        assertThat(sender.outcome()).isInstanceOf(InterruptedException.class);
        assertThat(intake.requests()).isEmpty();
    }

    @Test
    void interruptingASendThatWaitsForAnAnswerEndsIt() throws Exception {
        HttpTestIntake intake = open(new HttpTestIntake(null));
        intake.respondWith(() -> HttpTestIntake.NO_ANSWER);
        HttpDestination d = destination("http://127.0.0.1:" + intake.port() + "/api/v2/logs", KEY,
                Compression.none(), Duration.ofMinutes(5), null);
        BackgroundSend sender = BackgroundSend.start(d, TestPayloads.of(0, A));

        await().atMost(Duration.ofSeconds(5)).until(() -> intake.requests().size() == 1);
        sender.interrupt();
        sender.join(Duration.ofSeconds(5));

        assertThat(sender.outcome()).isInstanceOf(InterruptedException.class);
        assertThat(d.status().retries()).isZero();
        assertThat(errors(d)).isZero();
    }
}
