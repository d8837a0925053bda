package dev.logsagent.logs.launchers.listener;

import dev.logsagent.config.SourceType;
import dev.logsagent.logs.decoder.DecoderOptions;
import dev.logsagent.logs.message.Message;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code format: syslog} TCP sources with a real client: framing detected per connection, fields parsed. */
class SyslogTcpListenerTest {
    private static final Map<String, Object> SYSLOG = Map.of("format", "syslog");

    @Test
    void octetCountedFramesSplitAnywhereArriveWholeWithTheirFields() throws Exception {
        try (ListenerFixture f = new ListenerFixture()) {
            int port = f.port(f.add(SourceType.TCP, SYSLOG));
            String first = "<131>1 2024-05-01T10:00:00Z web-1 shop 42 ORD - order failed\nwith a second line";
            String second = "<14>1 2024-05-01T10:00:01Z web-1 shop 42 ORD - order placed";
            byte[] stream = (frame(first) + frame(second)).getBytes(StandardCharsets.UTF_8);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = s.getOutputStream();
                out.write(stream, 0, 7);
                out.flush();
                out.write(stream, 7, stream.length - 7);
            }
            f.awaitCount(2);

            assertThat(f.contents()).containsExactly("order failed\nwith a second line", "order placed");
            Message m = f.received.peek();
            assertThat(m.status()).isEqualTo("error");
            assertThat(m.hostname()).isEqualTo("web-1");
            assertThat(m.service()).isEqualTo("shop");
            assertThat(m.tags()).containsExactly("source_host:127.0.0.1", "syslog.appname:shop", "syslog.procid:42",
                    "syslog.msgid:ORD");
        }
    }

    @Test
    void newlineFramingIsDetectedPerConnectionAndPlainTextPassesThrough() throws Exception {
        try (ListenerFixture f = new ListenerFixture()) {
            int port = f.port(f.add(SourceType.TCP, SYSLOG));
            try (Socket counted = new Socket(InetAddress.getLoopbackAddress(), port);
                 Socket lines = new Socket(InetAddress.getLoopbackAddress(), port)) {
                counted.getOutputStream().write(frame("<13>1 - h a - - - counted").getBytes(StandardCharsets.UTF_8));
                f.awaitCount(1);
                lines.getOutputStream().write("<13>Jan  5 10:00:00 h app: by line\nplain words\n"
                        .getBytes(StandardCharsets.UTF_8));
                f.awaitCount(3);
            }

            assertThat(f.contents()).containsExactly("counted", "by line", "plain words");
            assertThat(f.received).extracting(Message::service).containsExactly("a", "app", null);
        }
    }

    @Test
    void aFrameLongerThanTheLimitArrivesInMarkedPiecesAndTheNextFrameIsIntact() throws Exception {
        int limit = 1024;
        try (ListenerFixture f = new ListenerFixture(DecoderOptions.defaults().withMaxMessageSize(limit),
                Duration.ofMillis(100))) {
            int port = f.port(f.add(SourceType.TCP, SYSLOG));
            String longFrame = "<14>1 - h app - - - " + "y".repeat(5000);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream().write((frame(longFrame) + frame("<14>1 - h app - - - after"))
                        .getBytes(StandardCharsets.UTF_8));
            }
            f.awaitCount(6);

            assertThat(f.received).hasSize(6);
            assertThat(f.contents().getLast()).isEqualTo("after");
            assertThat(f.received.stream().limit(5)).allSatisfy(m -> {
                assertThat(m.truncated()).isTrue();
                assertThat(m.content().length).isLessThanOrEqualTo(limit + "...TRUNCATED...".length());
            });
            long ys = f.contents().stream().mapToLong(c -> c.chars().filter(ch -> ch == 'y').count()).sum();
            assertThat(ys).isEqualTo(5000);
        }
    }

    @Test
    void theSourcesServiceIsKept() throws Exception {
        try (ListenerFixture f = new ListenerFixture()) {
            int port = f.port(f.add(ListenerFixture.config(SourceType.TCP, 0, "billing", SYSLOG)));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream().write("<14>1 - h cron - - - tick\n".getBytes(StandardCharsets.UTF_8));
            }
            f.awaitCount(1);

            assertThat(f.received.peek().service()).isNull();
            assertThat(f.received.peek().tags()).contains("syslog.appname:cron");
        }
    }

    private static String frame(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length + " " + message;
    }
}
