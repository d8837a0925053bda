package dev.logsagent.bench.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacedConnectionsTest {
    private static final long RATE = 20 << 10;
    private static final long SLICE = TimeUnit.MILLISECONDS.toNanos(20);

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

    PacedConnectionsTest() throws IOException {
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** Accepts one connection per stream and reads each to its end into it; the thread ends when all have. */
    private Thread acceptAndRead(List<ByteArrayOutputStream> into) {
        return Thread.ofVirtual().start(() -> {
            List<Thread> readers = new ArrayList<>();
            try {
                for (ByteArrayOutputStream bytes : into) {
                    Socket s = server.accept();
                    readers.add(Thread.ofVirtual().start(() -> {
                        try (s; InputStream in = s.getInputStream()) {
                            in.transferTo(bytes);
                        } catch (IOException ignored) {
                            // the test reads what arrived
                        }
                    }));
                }
                for (Thread t : readers) {
                    t.join();
                }
            } catch (IOException | InterruptedException ignored) {
                // the test finds what is missing
            }
        });
    }

    @Test
    void sendsEveryConnectionAtTheRateInStampedNumberedLines() throws Exception {
        List<ByteArrayOutputStream> received = List.of(new ByteArrayOutputStream(), new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
        Thread reader = acceptAndRead(received);
        RunClock clock = RunClock.start();
        PacedConnections.Totals totals;
        try (PacedConnections clients = new PacedConnections(address(), 3, clock)) {
            totals = clients.run(RATE, TimeUnit.MILLISECONDS.toNanos(500), SLICE);
            assertThat(clients.linesWritten()).isEqualTo(totals.lines());
        }
        reader.join();

        assertThat(totals.failed()).isZero();
        long expectedPerConnection = RATE * totals.nanos() / 1_000_000_000L;
        Set<Integer> senders = new HashSet<>();
        long total = 0;
        for (ByteArrayOutputStream bytes : received) {
            byte[] content = bytes.toByteArray();
            total += content.length;
            // the last write may come up to a slice before the window ends; a line may overshoot
            assertThat((long) content.length).isBetween(expectedPerConnection - RATE * SLICE / 1_000_000_000L - 1024,
                    expectedPerConnection + 1024);
            String[] lines = new String(content, StandardCharsets.US_ASCII).split("\n");
            LineStamp first = LineStamp.parse(lines[0].toCharArray(), 0, lines[0].length());
            assertThat(first).isNotNull();
            senders.add(first.file());
            long lastNanos = -1;
            for (int i = 0; i < lines.length; i++) {
                LineStamp stamp = LineStamp.parse(lines[i].toCharArray(), 0, lines[i].length());
                assertThat(stamp).isNotNull();
                assertThat(stamp.file()).isEqualTo(first.file());
                assertThat(stamp.seq()).isEqualTo(i);
                assertThat(stamp.nanos()).isGreaterThanOrEqualTo(lastNanos).isLessThanOrEqualTo(clock.nanos());
                lastNanos = stamp.nanos();
            }
        }
        assertThat(senders).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(totals.bytes()).isEqualTo(total);
    }

    @Test
    void countsAConnectionTheReceiverClosedAsFailed() throws Exception {
        Thread acceptor = Thread.ofVirtual().start(() -> {
            try {
                server.accept().close();
                Socket kept = server.accept();
                kept.getInputStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the test ends by closing the server
            }
        });
        PacedConnections.Totals totals;
        try (PacedConnections clients = new PacedConnections(address(), 2, RunClock.start())) {
            totals = clients.run(RATE, TimeUnit.MILLISECONDS.toNanos(500), SLICE);
        }
        acceptor.join();

        assertThat(totals.failed()).isEqualTo(1);
        assertThat(totals.firstError()).startsWith("connection 0: ");
    }

    @Test
    void namesTheConnectionThatCouldNotBeOpened() throws Exception {
        InetSocketAddress nobody = address();
        server.close();

        assertThatThrownBy(() -> new PacedConnections(nobody, 2, RunClock.start()))
                .isInstanceOf(IOException.class).hasMessageContaining("connection 0 (of 2)");
    }
}
