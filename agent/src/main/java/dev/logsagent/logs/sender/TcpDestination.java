package dev.logsagent.logs.sender;

import dev.logsagent.serializer.GrowableBuffer;
import dev.logsagent.telemetry.LogsMetrics;
import dev.logsagent.util.retry.BackoffPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The Datadog TCP intake protocol: one {@code <api_key> <json>\n} line per log, over TLS unless
 * {@code logs_no_ssl}. A payload counts as delivered once written and flushed to the socket: TCP has no
 * application acknowledgement, so logs still in the kernel's buffers when a connection breaks may be lost (the HTTP
 * destination has no such gap). To narrow that gap, each connection is watched for the intake closing it, and a
 * closed connection is replaced before the next payload rather than written into. On a write error the
 * connection is rebuilt with backoff and the whole payload is written again, so a retry may duplicate logs but
 * never skips one.
 *
 * <p>TLS trusts the JVM's default trust store, so {@code -Djavax.net.ssl.trustStore=...} (through
 * {@code LOGS_AGENT_JAVA_OPTS}) adds a private CA; the intake's host name is verified against its certificate.
 */
public final class TcpDestination implements Destination {
    private static final Logger LOG = LoggerFactory.getLogger(TcpDestination.class);
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final String host;
    private final int port;
    private final SSLSocketFactory tls;
    private final byte[] prefix;
    /** Reused for every payload; only touched with the send lock held. */
    private final GrowableBuffer frame = new GrowableBuffer(1 << 16);
    private final BackoffPolicy backoff;
    private final LogsMetrics metrics;
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicReference<String> state = new AtomicReference<>("idle");
    // A lock rather than synchronized: a virtual thread waiting out the backoff must not pin its carrier.
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;

    public TcpDestination(String host, int port, boolean useTls, String apiKey, BackoffPolicy backoff,
                          LogsMetrics metrics) {
        this(host, port, useTls ? (SSLSocketFactory) SSLSocketFactory.getDefault() : null, apiKey, backoff, metrics);
    }

    /** @param tls the TLS socket factory (trust store) to use; null for plain TCP */
    TcpDestination(String host, int port, SSLSocketFactory tls, String apiKey, BackoffPolicy backoff,
                   LogsMetrics metrics) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.prefix = ((apiKey == null ? "" : apiKey) + " ").getBytes(StandardCharsets.UTF_8);
        this.backoff = backoff;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return (tls != null ? "tcp+tls://" : "tcp://") + host + ":" + port;
    }

    @Override
    public DeliveryResult send(Payload payload) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            return sendLocked(payload);
        } finally {
            lock.unlock();
        }
    }

    private DeliveryResult sendLocked(Payload payload) throws InterruptedException {
        boolean firstTry = true;
        while (true) {
            int errorCount = errors.get();
            if (errorCount > 0) {
                Thread.sleep(backoff.delay(errorCount));
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (!firstTry) {
                retries.incrementAndGet();
                metrics.retryCount.inc();
            }
            firstTry = false;
            try {
                OutputStream o = connection();
                // The whole payload as one write: three small writes per log cost more than the copy.
                frame.reset();
                for (int i = 0; i < payload.count(); i++) {
                    int start = payload.recordStarts()[i];
                    frame.write(prefix, 0, prefix.length);
                    frame.write(payload.body(), start, payload.recordEnds()[i] - start);
                    frame.write('\n');
                }
                long written = frame.length();
                o.write(frame.array(), 0, frame.length());
                o.flush();
                errors.updateAndGet(backoff::decreaseError);
                sent.incrementAndGet();
                metrics.encodedBytesSent.inc(written);
                state.set("connected");
                return DeliveryResult.DELIVERED;
            } catch (IOException e) {
                disconnect();
                int n = errors.updateAndGet(backoff::increaseError);
                metrics.destinationErrors.labelValues(name()).inc();
                state.set("retrying: " + e);
                if (n == 1 || Integer.bitCount(n) == 1) {
                    LOG.warn("{}: {}; reconnecting with backoff", name(), e.toString());
                }
            }
        }
    }

    /** The open connection, or a new one when there is none or the intake closed it. */
    private OutputStream connection() throws IOException {
        if (connection != null && connection.lost() != null) {
            LOG.info("{}: connection lost ({}); reconnecting", name(), connection.lost());
            disconnect();
        }
        if (connection == null) {
            connection = Connection.open(host, port, tls, reason -> state.set("disconnected: " + reason));
        }
        return connection.out();
    }

    private void disconnect() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @Override
    public DestinationStatus status() {
        return new DestinationStatus(name(), state.get(), true, sent.get(), 0, retries.get());
    }

    @Override
    public void close() {
        lock.lock();
        try {
            disconnect();
        } finally {
            lock.unlock();
        }
    }

    /**
     * One connection to the intake, with a reader that notices when the intake closes it (the intake never
     * sends anything else; whatever comes is discarded).
     */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final Consumer<String> onLost;
        private volatile String lost;
        private volatile boolean closing;

        private Connection(Socket socket, Consumer<String> onLost) throws IOException {
            this.socket = socket;
            this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            this.onLost = onLost;
        }

        /** @param onLost told why, when the intake (or the network) ends the connection */
        static Connection open(String host, int port, SSLSocketFactory tls, Consumer<String> onLost)
                throws IOException {
            Socket plain = new Socket();
            Socket socket = plain;
            try {
                plain.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
                plain.setTcpNoDelay(true);
                plain.setKeepAlive(true);
                if (tls != null) {
                    SSLSocket secure = (SSLSocket) tls.createSocket(plain, host, port, true);
                    SSLParameters params = secure.getSSLParameters();
                    params.setEndpointIdentificationAlgorithm("HTTPS");
                    secure.setSSLParameters(params);
                    socket = secure;
                    // Handshake now, so that an untrusted intake fails the connection, not a later write.
                    secure.startHandshake();
                }
                Connection c = new Connection(socket, onLost);
                Thread.ofVirtual().name("tcp-intake-watch-" + host + ":" + port).start(c::watch);
                return c;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        private void watch() {
            byte[] discard = new byte[512];
            String reason;
            try {
                InputStream in = socket.getInputStream();
                while (in.read(discard) >= 0) {
                    // The intake does not speak on this protocol; only the end of the stream matters.
                }
                reason = "closed by the intake";
            } catch (IOException e) {
                reason = e.toString();
            }
            lost = reason;
            if (!closing) {
                onLost.accept(reason);
            }
        }

        OutputStream out() {
            return out;
        }

        /** Why the connection ended, or null while it is open. */
        String lost() {
            return lost;
        }

        void close() {
            closing = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already broken; a new connection follows.
            }
        }
    }
}
