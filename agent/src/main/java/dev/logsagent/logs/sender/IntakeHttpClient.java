package dev.logsagent.logs.sender;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * POSTs request bodies to one intake (one scheme, host and port) over HTTP/1.1 keep-alive connections on plain
 * sockets, or TLS sockets for https. The JDK's {@code HttpClient} cost about 30 % of the CPU of a file → HTTP
 * run (its selector thread, the hand-offs to its workers, copies of the body); here the calling thread writes
 * the payload's array to the socket itself and reads the answer itself.
 *
 * <p>Safe for concurrent callers: each request takes an idle connection, or opens one, and puts it back when the
 * answer allows (HTTP/1.1 without {@code Connection: close}, a body of known length). So there are as many
 * connections as requests in flight at once, at most. A connection idle for longer than {@code maxIdle} is closed
 * rather than reused, since intakes drop idle connections. If the intake closed a reused connection anyway (it
 * ended or was reset before any byte of an answer), the request never reached it, and it is sent once more at
 * once on a new connection, which the caller does not see.
 */
final class IntakeHttpClient implements AutoCloseable {
    static final Duration DEFAULT_MAX_IDLE = Duration.ofSeconds(30);

    private final String host;
    private final int port;
    private final SSLSocketFactory tls;
    private final int timeoutMillis;
    private final long maxIdleNanos;
    private final LongSupplier nanoClock;
    private final byte[] requestHead;
    /** Closes the connections whose request outlives the timeout; cancelled tasks leave the queue at once. */
    private final ScheduledThreadPoolExecutor deadlines;
    // A lock rather than synchronized: callers are virtual threads, and this one must never pin their carrier.
    private final ReentrantLock lock = new ReentrantLock();
    /** Idle connections, the most recently used first. */
    private final ArrayDeque<HttpConnection> idle = new ArrayDeque<>();
    private volatile boolean closed;

    /**
     * @param uri     where to POST: {@code http} or {@code https}, host, port and path
     * @param headers sent with every request in this order, besides {@code Host} and {@code Content-Length}
     * @param tls     the TLS sockets (trust store) for https; not used for http
     * @param timeout to connect, and for each request to be written and answered
     */
    IntakeHttpClient(URI uri, SequencedMap<String, String> headers, SSLSocketFactory tls, Duration timeout) {
        this(uri, headers, tls, timeout, DEFAULT_MAX_IDLE, System::nanoTime);
    }

    IntakeHttpClient(URI uri, SequencedMap<String, String> headers, SSLSocketFactory tls, Duration timeout,
                     Duration maxIdle, LongSupplier nanoClock) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not an http or https URL: " + uri);
        }
        String uriHost = Objects.requireNonNull(uri.getHost(), "host");
        // An IPv6 literal keeps its brackets in the Host header, not when connecting.
        this.host = uriHost.startsWith("[") ? uriHost.substring(1, uriHost.length() - 1) : uriHost;
        this.port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        this.tls = https ? Objects.requireNonNull(tls, "tls") : null;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        this.maxIdleNanos = maxIdle.toNanos();
        this.nanoClock = nanoClock;
        this.requestHead = requestHead(uri, uriHost, port, https, headers);
        this.deadlines = new ScheduledThreadPoolExecutor(1,
                Thread.ofVirtual().name("http-deadlines-" + uriHost + ":" + port).factory());
        deadlines.setRemoveOnCancelPolicy(true);
    }

    /** The request line and headers up to {@code "Content-Length: "}, which each request completes. */
    private static byte[] requestHead(URI uri, String uriHost, int port, boolean https,
                                      SequencedMap<String, String> headers) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder head = new StringBuilder("POST ").append(path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(uriHost);
        if (port != (https ? 443 : 80)) {
            head.append(':').append(port);
        }
        head.append("\r\n");
        headers.forEach((name, value) -> {
            // Never quote the value: it may be the API key.
            if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c < 127 && c != ':')) {
                throw new IllegalArgumentException("invalid HTTP header name: " + name);
            }
            if (!value.chars().allMatch(c -> c >= ' ' && c != 127 || c == '\t')) {
                throw new IllegalArgumentException("the value of HTTP header " + name + " has control characters");
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        head.append("Content-Length: ");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sends {@code body[off, off + len)} and returns the answer once its body was read.
     *
     * @throws IOException when connecting, writing or reading fails or times out: the intake may or may not have
     *                     received the request
     */
    IntakeResponse post(byte[] body, int off, int len) throws IOException {
        HttpConnection reused = idleConnection();
        if (reused != null) {
            try {
                return exchange(reused, body, off, len);
            } catch (IOException e) {
                if (!reused.closedBeforeAnswer(e)) {
                    throw e;
                }
                // The intake had dropped the idle connection: it never saw this request, which goes once more
                // at once, on a new connection.
            }
        }
        return exchange(open(), body, off, len);
    }

    private IntakeResponse exchange(HttpConnection connection, byte[] body, int off, int len) throws IOException {
        IntakeResponse response;
        try {
            response = connection.exchange(requestHead, body, off, len);
        } catch (IOException | RuntimeException e) {
            connection.abort();
            throw e;
        }
        release(connection);
        return response;
    }

    private HttpConnection open() throws IOException {
        if (closed) {
            throw new IOException("HTTP client closed");
        }
        return HttpConnection.open(host, port, tls, timeoutMillis, deadlines);
    }

    /** The most recently used idle connection, or null; closes those idle for too long. */
    private HttpConnection idleConnection() {
        List<HttpConnection> expired = new ArrayList<>(0);
        HttpConnection connection;
        lock.lock();
        try {
            long now = nanoClock.getAsLong();
            while (!idle.isEmpty() && now - idle.peekLast().idleSince() > maxIdleNanos) {
                expired.add(idle.pollLast());
            }
            connection = idle.pollFirst();
        } finally {
            lock.unlock();
        }
        expired.forEach(HttpConnection::close);
        return connection;
    }

    private void release(HttpConnection connection) {
        if (connection.reusable()) {
            lock.lock();
            try {
                if (!closed) {
                    connection.idleSince(nanoClock.getAsLong());
                    idle.addFirst(connection);
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
        connection.close();
    }

    /**
     * Closes the idle connections; those in use are closed when their request ends, and requests still in flight
     * keep their deadline.
     */
    @Override
    public void close() {
        List<HttpConnection> open;
        lock.lock();
        try {
            closed = true;
            open = new ArrayList<>(idle);
            idle.clear();
        } finally {
            lock.unlock();
        }
        open.forEach(HttpConnection::close);
        deadlines.shutdown();
    }
}
