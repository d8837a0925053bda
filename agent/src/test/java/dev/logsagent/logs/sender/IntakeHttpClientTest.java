package dev.logsagent.logs.sender;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The keep-alive HTTP/1.1 client against real servers on loopback addresses: the JDK's HttpServer and
 * HttpsServer, and raw sockets where the intake must misbehave.
 */
class IntakeHttpClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

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

    private HttpTestIntake intake(SSLContext tls) throws IOException {
        return open(new HttpTestIntake(tls));
    }

    private ScriptedHttpServer scripted(ScriptedHttpServer.Script script) throws IOException {
        return open(new ScriptedHttpServer(script));
    }

    private IntakeHttpClient client(String url, SSLSocketFactory tls, Duration timeout) {
        SequencedMap<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Test", "yes");
        return open(new IntakeHttpClient(URI.create(url), headers, tls, timeout));
    }

    private IntakeHttpClient client(int port) {
        return client("http://127.0.0.1:" + port + "/api/v2/logs", null, TIMEOUT);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int post(IntakeHttpClient client, String body) throws IOException {
        byte[] b = bytes(body);
        return client.post(b, 0, b.length).status();
    }

    @Test
    void requestsInARowShareOneConnectionAndCarryTheHeadersAndTheBodySlice() throws Exception {
        HttpTestIntake intake = intake(null);
        IntakeHttpClient client = client("http://127.0.0.1:" + intake.port() + "/api/v2/logs?x=1", null, TIMEOUT);

        for (int i = 0; i < 20; i++) {
            byte[] framed = bytes("xx[" + i + "]yyyy");
            assertThat(client.post(framed, 2, framed.length - 6).status()).isEqualTo(200);
        }

        List<HttpTestIntake.Request> requests = intake.requests();
        assertThat(requests).hasSize(20);
        for (int i = 0; i < 20; i++) {
            assertThat(new String(requests.get(i).body(), StandardCharsets.UTF_8)).isEqualTo("[" + i + "]");
        }
        assertThat(intake.connections()).isEqualTo(1);
        HttpTestIntake.Request first = requests.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/api/v2/logs?x=1");
        assertThat(first.header("Host")).isEqualTo("127.0.0.1:" + intake.port());
        assertThat(first.header("Content-Length")).isEqualTo("3");
        assertThat(first.header("Content-Type")).isEqualTo("application/json");
        assertThat(first.header("X-Test")).isEqualTo("yes");
    }

    @Test
    void concurrentCallersEachUseTheirOwnConnectionAndEveryBodyArrivesOnce() throws Exception {
        HttpTestIntake intake = intake(null);
        IntakeHttpClient client = client(intake.port());
        int threads = 8;
        int each = 25;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        List<Object> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            senders.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        int status = post(client, "[\"" + thread + "-" + i + "\"]");
                        if (status != 200) {
                            failures.add(status);
                        }
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }));
        }
        start.countDown();
        for (Thread sender : senders) {
            sender.join(Duration.ofSeconds(30));
        }

        assertThat(failures).isEmpty();
        Set<String> expected = new HashSet<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < each; i++) {
                expected.add("[\"" + t + "-" + i + "\"]");
            }
        }
        List<String> received = intake.requests().stream()
                .map(r -> new String(r.body(), StandardCharsets.UTF_8)).toList();
        assertThat(received).hasSize(threads * each);
        assertThat(new HashSet<>(received)).isEqualTo(expected);
        assertThat(intake.connections()).isBetween(1L, (long) threads);
    }

    @Test
    void aChunkedAnswerIsReadToItsEndAndTheConnectionReused() throws Exception {
        String alphabet = "abcdefghijklmnopqrstuvwxyz";
        ScriptedHttpServer server = scripted((index, request, out) -> {
            out.write(bytes("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;note=x\r\nhello\r\n1a\r\n" + alphabet + "\r\n0\r\nX-Trailer: t\r\n\r\n"));
            return true;
        });
        IntakeHttpClient client = client(server.port());

        assertThat(post(client, "[1]")).isEqualTo(202);
        assertThat(post(client, "[2]")).isEqualTo(202);
        assertThat(post(client, "[3]")).isEqualTo(202);

        assertThat(server.requests()).hasSize(3);
        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void aLongAnswerBodyIsReadToItsEndAndTheConnectionReused() throws Exception {
        String body = "x".repeat(100_000);
        ScriptedHttpServer server = scripted((index, request, out) -> {
            out.write(ScriptedHttpServer.answer(400, body));
            return true;
        });
        IntakeHttpClient client = client(server.port());

        assertThat(post(client, "[1]")).isEqualTo(400);
        assertThat(post(client, "[2]")).isEqualTo(400);

        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void interimAnswersAreSkipped() throws Exception {
        ScriptedHttpServer server = scripted((index, request, out) -> {
            out.write(bytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"));
            return true;
        });
        IntakeHttpClient client = client(server.port());

        assertThat(post(client, "[1]")).isEqualTo(201);
        assertThat(post(client, "[2]")).isEqualTo(201);

        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void connectionCloseInTheAnswerIsHonoured() throws Exception {
        ScriptedHttpServer server = scripted((index, request, out) -> {
            out.write(bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"));
            return false;
        });
        IntakeHttpClient client = client(server.port());

        for (int i = 0; i < 3; i++) {
            assertThat(post(client, "[" + i + "]")).isEqualTo(200);
        }

        assertThat(server.requests()).extracting(ScriptedHttpServer.Request::connection).containsExactly(0, 1, 2);
    }

    @Test
    void anHttp10AnswerEndsTheConnectionUnlessItSaysKeepAlive() throws Exception {
        ScriptedHttpServer server = scripted((index, request, out) -> {
            String keepAlive = index >= 2 ? "Connection: keep-alive\r\n" : "";
            out.write(bytes("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n" + keepAlive + "\r\n{}"));
            return true;
        });
        IntakeHttpClient client = client(server.port());

        for (int i = 0; i < 4; i++) {
            assertThat(post(client, "[" + i + "]")).isEqualTo(200);
        }

        assertThat(server.requests()).extracting(ScriptedHttpServer.Request::connection).containsExactly(0, 1, 2, 2);
    }

    @Test
    @Timeout(20)
    void anAnswerWhoseBodyRunsToTheCloseIsNotWaitedForAndItsConnectionNotReused() throws Exception {
        ScriptedHttpServer server = scripted((index, request, out) -> {
            out.write(bytes("HTTP/1.1 200 OK\r\n\r\n{}"));
            return true;
        });
        IntakeHttpClient client = client("http://127.0.0.1:" + server.port() + "/", null, Duration.ofMinutes(5));

        assertThat(post(client, "[1]")).isEqualTo(200);
        assertThat(post(client, "[2]")).isEqualTo(200);

        assertThat(server.requests()).extracting(ScriptedHttpServer.Request::connection).containsExactly(0, 1);
    }

    @Test
    void aReusedConnectionTheIntakeClosedWhileIdleIsReplacedAndTheRequestSentOnce() throws Exception {
        // The intake answers, then drops the connection without saying so, as an idle timeout would.
        ScriptedHttpServer server = scripted((index, request, out) -> {
            out.write(ScriptedHttpServer.answer(200, "{}"));
            return false;
        });
        IntakeHttpClient client = client(server.port());

        assertThat(post(client, "[1]")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.connectionsClosed() == 1);
        assertThat(post(client, "[2]")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.connectionsClosed() == 2);
        assertThat(post(client, "[3]")).isEqualTo(200);

        assertThat(server.requests()).extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
                .containsExactly("[1]", "[2]", "[3]");
        assertThat(server.connectionsAccepted()).isEqualTo(3);
    }

    @Test
    void aConnectionIdleForLongerThanMaxIdleIsClosedInsteadOfReused() throws Exception {
        HttpTestIntake intake = intake(null);
        AtomicLong now = new AtomicLong();
        IntakeHttpClient client = open(new IntakeHttpClient(URI.create("http://127.0.0.1:" + intake.port() + "/"),
                new LinkedHashMap<>(), null, TIMEOUT, Duration.ofSeconds(30), now::get));

        post(client, "[1]");
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        post(client, "[2]");
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        post(client, "[3]");

        List<HttpTestIntake.Request> requests = intake.requests();
        assertThat(requests.get(1).clientPort()).isEqualTo(requests.get(0).clientPort());
        assertThat(requests.get(2).clientPort()).isNotEqualTo(requests.get(1).clientPort());
    }

    @Test
    void anIntakeThatNeverAnswersTimesOut() throws Exception {
        ScriptedHttpServer server = scripted((index, request, out) -> true);
        IntakeHttpClient client = client("http://127.0.0.1:" + server.port() + "/", null, Duration.ofMillis(300));

        assertThatThrownBy(() -> post(client, "[1]")).isInstanceOf(SocketTimeoutException.class);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anIntakeThatStopsReadingTimesOutInsteadOfBlockingTheWrite() throws Exception {
        ServerSocket server = open(new ServerSocket());
        server.setReceiveBufferSize(4096);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().start(() -> {
            try {
                open(server.accept());
            } catch (IOException e) {
                // Closed at the end of the test.
            }
        });
        IntakeHttpClient client = client("http://127.0.0.1:" + server.getLocalPort() + "/", null,
                Duration.ofMillis(500));
        byte[] body = new byte[16 << 20];

        assertThatThrownBy(() -> client.post(body, 0, body.length)).isInstanceOf(SocketTimeoutException.class)
                .hasMessage("no answer within 500 ms");
    }

    @Test
    void tlsToAnIntakeWhoseCertificateTheGivenTrustStoreSignedSendsItsHostNameAsSni() throws Exception {
        HttpTestIntake intake = intake(TestCertificates.serverContext());
        IntakeHttpClient client = client("https://localhost:" + intake.port() + "/api/v2/logs",
                TestCertificates.clientFactory(), TIMEOUT);

        assertThat(post(client, "[1]")).isEqualTo(200);
        assertThat(post(client, "[2]")).isEqualTo(200);

        assertThat(intake.requests()).extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
                .containsExactly("[1]", "[2]");
        assertThat(intake.connections()).isEqualTo(1);
        assertThat(intake.requests().get(0).serverNames()).containsExactly("localhost");
        assertThat(intake.requests().get(0).header("Host")).isEqualTo("localhost:" + intake.port());
    }

    @Test
    void tlsRefusesAnIntakeTheDefaultTrustStoreDoesNotTrust() throws Exception {
        HttpTestIntake intake = intake(TestCertificates.serverContext());
        IntakeHttpClient client = client("https://127.0.0.1:" + intake.port() + "/",
                (SSLSocketFactory) SSLSocketFactory.getDefault(), TIMEOUT);

        assertThatThrownBy(() -> post(client, "[1]")).isInstanceOf(SSLHandshakeException.class);
        assertThat(intake.requests()).isEmpty();
    }

    @Test
    void tlsRefusesACertificateIssuedForAnotherHost() throws Exception {
        // 127.0.0.2 is loopback too, but the certificate names only 127.0.0.1 and localhost.
        HttpTestIntake intake = open(new HttpTestIntake(TestCertificates.serverContext(),
                InetAddress.getByName("127.0.0.2"), 0));
        IntakeHttpClient client = client("https://127.0.0.2:" + intake.port() + "/",
                TestCertificates.clientFactory(), TIMEOUT);

        assertThatThrownBy(() -> post(client, "[1]")).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("127.0.0.2");
        assertThat(intake.requests()).isEmpty();
    }

    @Test
    void aHeaderValueWithALineBreakIsRefusedWithoutQuotingIt() {
        SequencedMap<String, String> headers = new LinkedHashMap<>();
        headers.put("DD-API-KEY", "secret\r\nX-Injected: 1");

        assertThatThrownBy(() -> new IntakeHttpClient(URI.create("http://127.0.0.1:1/"), headers, null, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DD-API-KEY").hasMessageNotContaining("secret");
    }

    @Test
    void aClosedClientRefusesNewRequests() throws Exception {
        HttpTestIntake intake = intake(null);
        IntakeHttpClient client = client(intake.port());
        post(client, "[1]");

        client.close();

        assertThatThrownBy(() -> post(client, "[2]")).isInstanceOf(IOException.class)
                .hasMessage("HTTP client closed");
        assertThat(intake.requests()).hasSize(1);
    }
}
