package dev.logsagent.logs.sender;

import dev.logsagent.telemetry.LogsMetrics;
import dev.logsagent.util.retry.BackoffPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Datadog TCP intake protocol: one {@code <api_key> <json>\n} line per log, over TLS unless
 * {@code logs_no_ssl}. A payload counts as delivered once written and flushed to the socket: TCP has no
 * application acknowledgement, so logs in the kernel's buffers when a connection breaks may be lost (the HTTP
 * destination has no such gap). On a write error the connection is rebuilt with backoff and the whole payload is
 * written again, so a retry may duplicate logs but never skips one.
 */
public final class TcpDestination implements Destination {
    private static final Logger LOG = LoggerFactory.getLogger(TcpDestination.class);

    private final String host;
    private final int port;
    private final boolean useTls;
    private final byte[] prefix;
    private final BackoffPolicy backoff;
    private final LogsMetrics metrics;
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicReference<String> state = new AtomicReference<>("idle");
    private Socket socket;
    private OutputStream out;

    public TcpDestination(String host, int port, boolean useTls, String apiKey, BackoffPolicy backoff,
                          LogsMetrics metrics) {
        this.host = host;
        this.port = port;
        this.useTls = useTls;
        this.prefix = ((apiKey == null ? "" : apiKey) + " ").getBytes(StandardCharsets.UTF_8);
        this.backoff = backoff;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return (useTls ? "tcp+tls://" : "tcp://") + host + ":" + port;
    }

    @Override
    public synchronized DeliveryResult send(Payload payload) throws InterruptedException {
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
                long written = 0;
                for (int i = 0; i < payload.count(); i++) {
                    int start = payload.recordStarts()[i];
                    int len = payload.recordEnds()[i] - start;
                    o.write(prefix);
                    o.write(payload.body(), start, len);
                    o.write('\n');
                    written += prefix.length + len + 1;
                }
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

    private OutputStream connection() throws IOException {
        if (out == null) {
            Socket s;
            if (useTls) {
                SSLSocket tls = (SSLSocket) SSLSocketFactory.getDefault().createSocket();
                SSLParameters params = tls.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(params);
                s = tls;
            } else {
                s = new Socket();
            }
            s.connect(new InetSocketAddress(host, port), 10_000);
            s.setTcpNoDelay(true);
            socket = s;
            out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
        }
        return out;
    }

    private void disconnect() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // Already broken; a new connection follows.
        }
        socket = null;
        out = null;
    }

    @Override
    public DestinationStatus status() {
        return new DestinationStatus(name(), state.get(), true, sent.get(), 0, retries.get());
    }

    @Override
    public synchronized void close() {
        disconnect();
    }
}
