package dev.logsagent.logs.sender;

import dev.logsagent.telemetry.LogsMetrics;
import dev.logsagent.util.retry.BackoffPolicy;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocketFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The TCP intake protocol against a real TCP server on 127.0.0.1, plain and TLS with a test CA. */
class TcpDestinationTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String A = "{\"message\":\"a\",\"hostname\":\"web-1\"}";
    private static final String B = "{\"message\":\"b \\\"quoted\\\"\",\"hostname\":\"web-1\"}";
    private static final String C = "{\"message\":\"c\",\"hostname\":\"web-1\"}";

    private final LogsMetrics metrics = new LogsMetrics(new PrometheusRegistry());
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    private TcpTestIntake intake(javax.net.ssl.SSLContext tls) throws Exception {
        TcpTestIntake intake = new TcpTestIntake(tls);
        opened.add(intake);
        return intake;
    }

    private TcpDestination destination(int port, SSLSocketFactory tls) {
        TcpDestination d = new TcpDestination("127.0.0.1", port, tls, KEY,
                new BackoffPolicy(0.02, 2, 0.2, 1, new Random(1)), metrics);
        opened.add(d);
        return d;
    }

    @Test
    void writesOneLinePerLogPrefixedWithTheApiKey() throws Exception {
        TcpTestIntake intake = intake(null);
        TcpDestination d = destination(intake.port(), null);

        assertThat(d.send(TestPayloads.of(0, A, B))).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(d.send(TestPayloads.of(1, C))).isEqualTo(DeliveryResult.DELIVERED);

        await().atMost(Duration.ofSeconds(5)).until(() -> intake.lines().size() == 3);
        assertThat(intake.lines()).containsExactly(KEY + " " + A, KEY + " " + B, KEY + " " + C);
        assertThat(intake.connectionsAccepted()).isEqualTo(1);
        assertThat(d.name()).isEqualTo("tcp://127.0.0.1:" + intake.port());
        assertThat(d.status()).isEqualTo(new DestinationStatus(d.name(), "connected", true, 2, 0, 0));
        assertThat((long) metrics.encodedBytesSent.get())
                .isEqualTo((KEY + " " + A + "\n" + KEY + " " + B + "\n" + KEY + " " + C + "\n").length());
    }

    @Test
    void aConnectionTheIntakeClosedIsReplacedBeforeTheNextPayload() throws Exception {
        TcpTestIntake intake = intake(null);
        TcpDestination d = destination(intake.port(), null);
        d.send(TestPayloads.of(0, A));
        await().atMost(Duration.ofSeconds(5)).until(() -> intake.lines().size() == 1);

        intake.dropConnections();
        await().atMost(Duration.ofSeconds(5)).until(() -> d.status().state().startsWith("disconnected"));
        assertThat(d.send(TestPayloads.of(1, B, C))).isEqualTo(DeliveryResult.DELIVERED);

        await().atMost(Duration.ofSeconds(5)).until(() -> intake.lines().size() == 3);
        assertThat(intake.lines()).containsExactly(KEY + " " + A, KEY + " " + B, KEY + " " + C);
        assertThat(intake.connectionsAccepted()).isEqualTo(2);
        assertThat(d.status().state()).isEqualTo("connected");
    }

    @Test
    void whileTheIntakeIsDownTheSendRetriesAndBlocksThenDeliversEverything() throws Exception {
        TcpTestIntake intake = intake(null);
        intake.stop();
        TcpDestination d = destination(intake.port(), null);
        BackgroundSend sender = BackgroundSend.start(d, TestPayloads.of(0, A, B));

        await().atMost(Duration.ofSeconds(5)).until(() -> d.status().retries() >= 2);
        assertThat(d.status().state()).startsWith("retrying: java.net.ConnectException");
        assertThat(sender.outcome()).isNull();
        intake.start();
        sender.join(Duration.ofSeconds(10));

        assertThat(sender.outcome()).isEqualTo(DeliveryResult.DELIVERED);
        await().atMost(Duration.ofSeconds(5)).until(() -> intake.lines().size() == 2);
        assertThat(intake.lines()).containsExactly(KEY + " " + A, KEY + " " + B);
        assertThat((long) metrics.retryCount.get()).isEqualTo(d.status().retries());
    }

    @Test
    void tlsToAnIntakeWhoseCertificateTheTestCaSigned() throws Exception {
        TcpTestIntake intake = intake(TestCertificates.serverContext());
        TcpDestination d = destination(intake.port(), TestCertificates.clientFactory());

        assertThat(d.send(TestPayloads.of(0, A, B, C))).isEqualTo(DeliveryResult.DELIVERED);

        await().atMost(Duration.ofSeconds(5)).until(() -> intake.lines().size() == 3);
        assertThat(intake.lines()).containsExactly(KEY + " " + A, KEY + " " + B, KEY + " " + C);
        assertThat(d.name()).isEqualTo("tcp+tls://127.0.0.1:" + intake.port());
    }

    @Test
    void tlsRefusesAnIntakeItDoesNotTrustAndWritesNothing() throws Exception {
        TcpTestIntake intake = intake(TestCertificates.serverContext());
        TcpDestination d = destination(intake.port(), (SSLSocketFactory) SSLSocketFactory.getDefault());
        BackgroundSend sender = BackgroundSend.start(d, TestPayloads.of(0, A));

        await().atMost(Duration.ofSeconds(10)).until(() -> d.status().retries() >= 1);
        assertThat(d.status().state()).startsWith("retrying: javax.net.ssl.SSLHandshakeException");
        sender.interrupt();
        sender.join(Duration.ofSeconds(5));

        assertThat(sender.outcome()).isInstanceOf(InterruptedException.class);
        assertThat(intake.lines()).isEmpty();
        assertThat(intake.connectionsAccepted()).isPositive();
    }
}
