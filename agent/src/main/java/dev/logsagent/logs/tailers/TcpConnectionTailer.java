package dev.logsagent.logs.tailers;

import dev.logsagent.logs.sources.LogSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Reads one TCP connection into its decoder, on its own virtual thread. While the pipeline is full the decoder
 * blocks, this thread stops reading and TCP flow control slows the sender down; other connections go on, each on
 * its own thread. Reads wake up every {@code tick} to flush multi-line groups that waited long enough and to close
 * a connection idle for {@code idle_timeout}. When the connection ends (closed by the peer, idle, stopped), what
 * the decoder holds is emitted, a last line without newline too.
 */
public final class TcpConnectionTailer {
    private static final Logger LOG = LoggerFactory.getLogger(TcpConnectionTailer.class);
    /** TLS records are at most 16 KiB; a plain read takes what the socket holds up to this. */
    private static final int READ_BUFFER_SIZE = 16 * 1024;
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private final Socket raw;
    private final ServerTls tls;
    private final LogSource source;
    private final SocketDecoder decoder;
    private final long idleTimeoutNanos;
    private final int tickMillis;
    private final LongSupplier nanoClock;
    private final Consumer<TcpConnectionTailer> onClose;
    private final String peer;
    private volatile boolean stopping;
    private volatile String handshakeFailure;
    private Thread thread;

    /**
     * @param tls         null for plain TCP
     * @param idleTimeout null: never closed for being idle
     * @param tick        longest a read waits before the decoder's idle flush and the idle check
     * @param onClose     told once the connection is closed and its last message handed on
     */
    public TcpConnectionTailer(Socket raw, ServerTls tls, LogSource source, SocketDecoder decoder,
                               Duration idleTimeout, Duration tick, LongSupplier nanoClock,
                               Consumer<TcpConnectionTailer> onClose) {
        this.raw = raw;
        this.tls = tls;
        this.source = source;
        this.decoder = decoder;
        this.idleTimeoutNanos = idleTimeout == null ? Long.MAX_VALUE : idleTimeout.toNanos();
        long tickNanos = idleTimeout == null ? tick.toNanos() : Math.min(tick.toNanos(), idleTimeout.toNanos());
        this.tickMillis = (int) Math.clamp(TimeUnit.NANOSECONDS.toMillis(tickNanos), 1, Integer.MAX_VALUE);
        this.nanoClock = nanoClock;
        this.onClose = onClose;
        this.peer = raw.getRemoteSocketAddress().toString();
    }

    public void start() {
        thread = Thread.ofVirtual().name("tcp-" + peer).start(this::run);
    }

    /** The peer's address, {@code /ip:port}. */
    public String peer() {
        return peer;
    }

    /** Why the TLS handshake failed, or null when it did not. */
    public String handshakeFailure() {
        return handshakeFailure;
    }

    /** Closes the connection; what was read is still handed on unless {@link #awaitStopped} runs out. */
    public void stop() {
        stopping = true;
        closeQuietly(raw);
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
        Socket socket = raw;
        try {
            if (tls != null) {
                SSLSocket secured = handshake();
                if (secured == null) {
                    return;
                }
                socket = secured;
            }
            socket.setSoTimeout(tickMillis);
            read(socket.getInputStream());
            decoder.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("connection from {}: {}", peer, e.toString());
        } finally {
            closeQuietly(socket);
            closeQuietly(raw);
            onClose.accept(this);
        }
    }

    private SSLSocket handshake() throws IOException {
        SSLSocket socket = tls.wrap(raw);
        socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
        try {
            socket.startHandshake();
            return socket;
        } catch (IOException e) {
            if (!stopping) {
                handshakeFailure = e.getMessage();
                LOG.debug("TLS handshake with {} failed: {}", peer, e.toString());
            }
            closeQuietly(socket);
            return null;
        }
    }

    /** Reads until the connection ends; an error from the socket after data was read still ends it cleanly. */
    private void read(InputStream in) throws InterruptedException {
        byte[] buf = new byte[READ_BUFFER_SIZE];
        long lastData = nanoClock.getAsLong();
        while (!stopping) {
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                decoder.flushIfIdle();
                if (nanoClock.getAsLong() - lastData >= idleTimeoutNanos) {
                    LOG.debug("closing connection from {}: idle for {}", peer, Duration.ofNanos(idleTimeoutNanos));
                    return;
                }
                continue;
            } catch (IOException e) {
                if (!stopping) {
                    LOG.debug("connection from {} ended: {}", peer, e.toString());
                }
                return;
            }
            if (n < 0) {
                return;
            }
            lastData = nanoClock.getAsLong();
            source.addBytesRead(n);
            decoder.decode(buf, 0, n);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do with this connection.
        }
    }
}
