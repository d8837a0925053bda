package dev.logsagent.logs.tailers;

import dev.logsagent.logs.sources.LogSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the datagrams of one UDP socket on its own virtual thread; each datagram goes whole to the decoder of its
 * sender (lines, or one syslog message). A datagram longer than {@code frame_size} is cut there, and counted in the
 * source's status. While the pipeline is full this thread waits and the kernel drops what its buffer cannot hold:
 * UDP has no flow control.
 */
public final class UdpTailer {
    private static final Logger LOG = LoggerFactory.getLogger(UdpTailer.class);
    /** The largest UDP payload. */
    private static final int MAX_DATAGRAM = 65_535;
    /** Decoders kept for the most recent senders; one holds nothing between datagrams, so dropping one is free. */
    private static final int MAX_PEERS = 1024;

    private final DatagramSocket socket;
    private final LogSource source;
    private final int frameSize;
    private final Function<InetAddress, SocketDecoder> decoders;
    private final Map<InetAddress, SocketDecoder> byPeer = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, SocketDecoder> eldest) {
            return size() > MAX_PEERS;
        }
    };
    private volatile boolean stopping;
    private long cut;
    private Thread thread;

    /** @param decoders makes the decoder of a new sender */
    public UdpTailer(DatagramSocket socket, LogSource source, int frameSize,
                     Function<InetAddress, SocketDecoder> decoders) {
        this.socket = socket;
        this.source = source;
        this.frameSize = frameSize;
        this.decoders = decoders;
    }

    public void start() {
        thread = Thread.ofVirtual().name("udp-" + socket.getLocalPort()).start(this::run);
    }

    public void stop() {
        stopping = true;
        socket.close();
    }

    /** Waits for the thread until the deadline ({@link System#nanoTime()}), then interrupts it. */
    public void awaitStopped(long deadlineNanos) throws InterruptedException {
        Thread t = thread;
        if (t == null) {
            return;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            t.join(Duration.ofNanos(left));
        }
        if (t.isAlive()) {
            t.interrupt();
        }
    }

    private void run() {
        // One byte more than frame_size tells a datagram that was longer from one that fit exactly.
        byte[] buf = new byte[Math.min(frameSize + 1, MAX_DATAGRAM)];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        try {
            while (!stopping) {
                packet.setLength(buf.length);
                socket.receive(packet);
                int n = packet.getLength();
                if (n > frameSize) {
                    n = frameSize;
                    cut++;
                    source.setInfo("frame_size", cut + " datagrams longer than frame_size (" + frameSize
                            + " bytes) were cut");
                }
                source.addBytesRead(n);
                SocketDecoder decoder = byPeer.computeIfAbsent(packet.getAddress(), decoders);
                decoder.decode(buf, 0, n);
                decoder.finish();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!stopping) {
                source.setError("stopped receiving on udp port " + socket.getLocalPort() + ": " + e.getMessage());
                LOG.warn("stopped receiving on udp port {}: {}", socket.getLocalPort(), e.toString());
            }
        } finally {
            socket.close();
        }
    }
}
