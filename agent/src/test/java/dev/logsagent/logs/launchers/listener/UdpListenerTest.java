package dev.logsagent.logs.launchers.listener;

import dev.logsagent.config.SourceType;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.sources.LogSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static dev.logsagent.logs.launchers.listener.ListenerFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** UDP sources with a real datagram client on 127.0.0.1. */
class UdpListenerTest {

    @Test
    void eachLineOfADatagramIsALogTaggedWithItsSenderAndNoLineSpansDatagrams() throws Exception {
        try (ListenerFixture f = new ListenerFixture(); DatagramSocket client = new DatagramSocket()) {
            LogSource source = f.add(SourceType.UDP, Map.of());
            int port = f.port(source);
            send(client, port, "first\nsecond\n");
            send(client, port, "third without newline");
            send(client, port, "fourth");
            f.awaitCount(4);

            assertThat(f.contents()).containsExactly("first", "second", "third without newline", "fourth");
            assertThat(f.received).allSatisfy(m -> {
                assertThat(m.tags()).containsExactly("source_host:127.0.0.1");
                assertThat(m.origin().identifier()).isEmpty();
            });
            assertThat(source.inputs()).containsExactly("udp://127.0.0.1:" + port);
            assertThat(source.bytesRead()).isEqualTo(13 + 21 + 6);
        }
    }

    @Test
    void aDatagramLongerThanFrameSizeIsCutThereAndCounted() throws Exception {
        try (ListenerFixture f = new ListenerFixture(); DatagramSocket client = new DatagramSocket()) {
            LogSource source = f.add(SourceType.UDP, Map.of("frame_size", 10));
            int port = f.port(source);
            send(client, port, "0123456789");
            send(client, port, "0123456789abcdef");
            f.awaitCount(2);

            assertThat(f.contents()).containsExactly("0123456789", "0123456789");
            assertThat(source.info()).containsExactly("1 datagrams longer than frame_size (10 bytes) were cut");
        }
    }

    @Test
    void withSyslogEachDatagramIsOneMessageNewlinesIncluded() throws Exception {
        try (ListenerFixture f = new ListenerFixture(); DatagramSocket client = new DatagramSocket()) {
            int port = f.port(f.add(SourceType.UDP, Map.of("format", "syslog")));
            send(client, port, "<11>1 2024-05-01T10:00:00.123Z web-3 nginx 812 - - upstream failed\n  at line 2\n");
            send(client, port, "not syslog at all\nsecond line");
            f.awaitCount(2);

            Message parsed = f.received.peek();
            assertThat(parsed.contentAsString()).isEqualTo("upstream failed\n  at line 2");
            assertThat(parsed.status()).isEqualTo("error");
            assertThat(parsed.hostname()).isEqualTo("web-3");
            assertThat(parsed.service()).isEqualTo("nginx");
            assertThat(parsed.timestamp()).isEqualTo(1_714_557_600_123L);
            assertThat(parsed.tags()).containsExactly("source_host:127.0.0.1", "syslog.appname:nginx",
                    "syslog.procid:812");
            assertThat(f.contents()).element(1).isEqualTo("not syslog at all\nsecond line");
        }
    }

    @Test
    void aPortInUseFailsThatSourceWithItsReason() throws Exception {
        try (ListenerFixture f = new ListenerFixture();
             DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            LogSource failed = f.add(ListenerFixture.config(SourceType.UDP, taken.getLocalPort(), null, Map.of()));

            assertThat(failed.status()).startsWith("Error: cannot listen on udp://127.0.0.1:" + taken.getLocalPort())
                    .containsIgnoringCase("already in use");
            assertThat(f.launcher.port(failed)).isEmpty();
        }
    }

    @Test
    void removingASourceFreesItsPort() throws Exception {
        try (ListenerFixture f = new ListenerFixture()) {
            LogSource source = f.add(SourceType.UDP, Map.of());
            int port = f.port(source);
            f.sources.remove(source);

            await().atMost(WAIT).ignoreExceptions().until(() -> {
                try (DatagramSocket again = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                    return again.getLocalPort() == port;
                }
            });
        }
    }

    private static void send(DatagramSocket client, int port, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        client.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    }
}
