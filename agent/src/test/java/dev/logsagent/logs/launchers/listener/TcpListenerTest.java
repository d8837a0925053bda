package dev.logsagent.logs.launchers.listener;

import com.google.re2j.Pattern;
import dev.logsagent.config.SourceType;
import dev.logsagent.logs.decoder.DecoderOptions;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.sources.LogSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.logsagent.logs.launchers.listener.ListenerFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Plain TCP sources with real clients on 127.0.0.1. */
class TcpListenerTest {
    private static final String MARKER = "...TRUNCATED...";

    @Test
    void everyLineOfAThousandConcurrentConnectionsArrivesTaggedWithItsPeer() throws Exception {
        try (ListenerFixture f = new ListenerFixture()) {
            int port = f.port(f.add(SourceType.TCP, Map.of()));
            int clients = 1000;
            int lines = 20;
            CountDownLatch allConnected = new CountDownLatch(clients);
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> sent = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    sent.add(pool.submit(() -> {
                        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                            allConnected.countDown();
                            allConnected.await();
                            StringBuilder text = new StringBuilder();
                            for (int i = 0; i < lines; i++) {
                                text.append("client-").append(client).append(" line-").append(i).append('\n');
                            }
                            s.getOutputStream().write(text.toString().getBytes(StandardCharsets.UTF_8));
                        }
                        return null;
                    }));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
            }
            f.awaitCount(clients * lines);

            Set<String> distinct = new HashSet<>(f.contents());
            assertThat(f.received).hasSize(clients * lines);
            assertThat(distinct).hasSize(clients * lines).contains("client-0 line-0", "client-999 line-19");
            assertThat(f.received).allSatisfy(m -> assertThat(m.tags()).containsExactly("source_host:127.0.0.1"));
            assertThat(f.received).allSatisfy(m -> assertThat(m.origin().identifier()).isEmpty());
        }
    }

    @Test
    void aTenMegabyteLineWithoutNewlineArrivesInBoundedPiecesWhileOtherClientsGoOn() throws Exception {
        int limit = 64 * 1024;
        try (ListenerFixture f = new ListenerFixture(DecoderOptions.defaults().withMaxMessageSize(limit),
                Duration.ofMillis(100))) {
            int port = f.port(f.add(SourceType.TCP, Map.of()));
            byte[] huge = new byte[10 * 1024 * 1024];
            Arrays.fill(huge, (byte) 'x');
            try (Socket big = new Socket(InetAddress.getLoopbackAddress(), port);
                 Socket small = new Socket(InetAddress.getLoopbackAddress(), port)) {
                big.getOutputStream().write(huge);
                await().atMost(WAIT).until(() -> totalContent(f) >= huge.length - limit);
                // The big line is still open (no newline, not closed): another client is served all the same.
                small.getOutputStream().write("small client\n".getBytes(StandardCharsets.UTF_8));
                await().atMost(WAIT).until(() -> f.contents().contains("small client"));
            }
            await().atMost(WAIT).until(() -> totalContent(f) == huge.length);

            List<Message> pieces = f.received.stream().filter(m -> !m.contentAsString().equals("small client"))
                    .toList();
            assertThat(pieces).hasSize((huge.length + limit - 1) / limit);
            assertThat(pieces).allSatisfy(m -> {
                assertThat(m.truncated()).isTrue();
                assertThat(m.content().length).isLessThanOrEqualTo(limit + 2 * MARKER.length());
            });
            assertThat(f.metrics.logsTruncated.get()).isEqualTo(pieces.size());
        }
    }

    @Test
    void invalidUtf8IsReplacedAndALastLineWithoutNewlineArrivesWhenTheClientCloses() throws Exception {
        try (ListenerFixture f = new ListenerFixture()) {
            int port = f.port(f.add(SourceType.TCP, Map.of()));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = s.getOutputStream();
                out.write(new byte[]{'b', 'a', 'd', ' ', (byte) 0xff, (byte) 0xc3, '\n'});
                out.write("no newline at the end".getBytes(StandardCharsets.UTF_8));
            }
            f.awaitCount(2);

            assertThat(f.contents()).containsExactly("bad \uFFFD\uFFFD", "no newline at the end");
        }
    }

    @Test
    void aMultiLineGroupIsFlushedAfterTheAggregationTimeoutWhileTheConnectionStaysOpen() throws Exception {
        DecoderOptions options = DecoderOptions.defaults().withMultiLinePattern(Pattern.compile("\\d{4}-"))
                .withAggregationTimeout(Duration.ofMillis(100));
        try (ListenerFixture f = new ListenerFixture(options, Duration.ofMillis(50))) {
            int port = f.port(f.add(SourceType.TCP, Map.of()));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream().write("2024-01-01 boom\n  at a.b(C.java:1)\n  at d.e(F.java:2)\n"
                        .getBytes(StandardCharsets.UTF_8));
                f.awaitCount(1);

                assertThat(f.contents()).containsExactly("2024-01-01 boom\\n  at a.b(C.java:1)\\n  at d.e(F.java:2)");
                assertThat(s.isClosed()).isFalse();
            }
        }
    }

    @Test
    void aConnectionWithoutDataForIdleTimeoutIsClosedAndAnActiveOneIsNot() throws Exception {
        AtomicLong nanos = new AtomicLong();
        try (ListenerFixture f = new ListenerFixture(DecoderOptions.defaults(), Duration.ofMillis(20), null,
                nanos::get)) {
            int port = f.port(f.add(SourceType.TCP, Map.of("idle_timeout", Duration.ofSeconds(30))));
            try (Socket idle = new Socket(InetAddress.getLoopbackAddress(), port);
                 Socket active = new Socket(InetAddress.getLoopbackAddress(), port)) {
                idle.setSoTimeout((int) WAIT.toMillis());
                idle.getOutputStream().write("before going quiet\n".getBytes(StandardCharsets.UTF_8));
                active.getOutputStream().write("first\n".getBytes(StandardCharsets.UTF_8));
                f.awaitCount(2);

                nanos.addAndGet(Duration.ofSeconds(20).toNanos());
                active.getOutputStream().write("second\n".getBytes(StandardCharsets.UTF_8));
                f.awaitCount(3);
                nanos.addAndGet(Duration.ofSeconds(20).toNanos());

                assertThat(ListenerFixture.closedByPeer(idle)).isTrue();
                active.getOutputStream().write("still open\n".getBytes(StandardCharsets.UTF_8));
                f.awaitCount(4);
                assertThat(f.contents()).containsExactlyInAnyOrder("before going quiet", "first", "second",
                        "still open");
            }
        }
    }

    @Test
    void connectionsBeyondMaxConnectionsAreClosedAtOnceAndCounted() throws Exception {
        try (ListenerFixture f = new ListenerFixture()) {
            LogSource source = f.add(SourceType.TCP, Map.of("max_connections", 2));
            int port = f.port(source);
            try (Socket first = new Socket(InetAddress.getLoopbackAddress(), port);
                 Socket second = new Socket(InetAddress.getLoopbackAddress(), port)) {
                first.getOutputStream().write("one\n".getBytes(StandardCharsets.UTF_8));
                second.getOutputStream().write("two\n".getBytes(StandardCharsets.UTF_8));
                f.awaitCount(2);
                try (Socket third = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    third.setSoTimeout((int) WAIT.toMillis());
                    assertThat(ListenerFixture.closedByPeer(third)).isTrue();
                }
                assertThat(source.info()).anyMatch(l -> l.contains("2 connections open")
                        && l.contains("1 refused over max_connections (2)"));

                first.close();
                await().atMost(WAIT).until(() -> source.info().stream().anyMatch(l -> l.contains("1 connections open")));
                try (Socket fourth = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    fourth.getOutputStream().write("four\n".getBytes(StandardCharsets.UTF_8));
                    await().atMost(WAIT).until(() -> f.contents().contains("four"));
                }
            }
        }
    }

    @Test
    void aFullPipelineHoldsBackItsOwnConnectionOnlyAndLosesNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong slowCount = new AtomicLong();
        AtomicInteger inputs = new AtomicInteger();
        List<Message> fast = new CopyOnWriteArrayList<>();
        MessageSink blocked = m -> {
            release.await();
            slowCount.incrementAndGet();
        };
        try (ListenerFixture f = new ListenerFixture(DecoderOptions.defaults(), Duration.ofMillis(100),
                () -> inputs.getAndIncrement() == 0 ? blocked : fast::add)) {
            int port = f.port(f.add(SourceType.TCP, Map.of()));
            int lines = 32 * 1024;
            byte[] line = ("x".repeat(1023) + "\n").getBytes(StandardCharsets.UTF_8);
            AtomicLong written = new AtomicLong();
            try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), port)) {
                await().atMost(WAIT).until(() -> inputs.get() == 1);
                Thread writer = Thread.ofVirtual().start(() -> {
                    try {
                        OutputStream out = slow.getOutputStream();
                        for (int i = 0; i < lines; i++) {
                            out.write(line);
                            written.addAndGet(line.length);
                        }
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
                // The writer parks in a write: the socket buffers are full because nobody reads.
                await().atMost(WAIT).until(() -> written.get() > 0 && writer.getState() == Thread.State.WAITING);
                assertThat(written.get()).isLessThan((long) lines * line.length);
                try (Socket other = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    other.getOutputStream().write("meanwhile\n".getBytes(StandardCharsets.UTF_8));
                    await().atMost(WAIT).until(() -> !fast.isEmpty());
                }
                assertThat(fast).extracting(Message::contentAsString).containsExactly("meanwhile");
                assertThat(writer.isAlive()).isTrue();

                release.countDown();
                writer.join(WAIT);
                assertThat(writer.isAlive()).isFalse();
            }
            await().atMost(WAIT).until(() -> slowCount.get() == lines);
        }
    }

    @Test
    void aPortInUseFailsThatSourceWithItsReasonAndTheOthersRun() throws Exception {
        try (ListenerFixture f = new ListenerFixture();
             ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            LogSource failed = f.add(ListenerFixture.config(SourceType.TCP, taken.getLocalPort(), null, Map.of()));
            LogSource ok = f.add(SourceType.TCP, Map.of());

            assertThat(failed.status()).startsWith("Error: cannot listen on tcp://127.0.0.1:" + taken.getLocalPort())
                    .containsIgnoringCase("address already in use");
            assertThat(ok.status()).isEqualTo("OK");
            assertThat(ok.inputs()).containsExactly("tcp://127.0.0.1:" + f.port(ok));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), f.port(ok))) {
                s.getOutputStream().write("fine\n".getBytes(StandardCharsets.UTF_8));
            }
            f.awaitCount(1);
            assertThat(f.contents()).containsExactly("fine");
        }
    }

    @Test
    void removingASourceClosesItsSocketAndItsConnections() throws Exception {
        try (ListenerFixture f = new ListenerFixture()) {
            LogSource source = f.add(SourceType.TCP, Map.of());
            int port = f.port(source);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream().write("last words".getBytes(StandardCharsets.UTF_8));
                await().atMost(WAIT).until(() -> source.bytesRead() == 10);
                f.sources.remove(source);

                s.setSoTimeout((int) WAIT.toMillis());
                assertThat(ListenerFixture.closedByPeer(s)).isTrue();
            }
            assertThat(f.contents()).containsExactly("last words");
            assertThat(source.inputs()).isEmpty();
            try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        }
    }

    private static long totalContent(ListenerFixture f) {
        long total = 0;
        for (Message m : f.received) {
            String s = m.contentAsString();
            if (!s.equals("small client")) {
                total += s.replace(MARKER, "").length();
            }
        }
        return total;
    }
}
