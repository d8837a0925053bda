package dev.logsagent.logs.launchers.listener;

import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.tailers.ServerTls;
import dev.logsagent.logs.tailers.SocketDecoder;
import dev.logsagent.logs.tailers.TcpConnectionTailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accepts the connections of one {@code tcp} source and gives each its own {@link TcpConnectionTailer}, decoder
 * and pipeline. Beyond {@code max_connections} a connection is closed as soon as it is accepted, and counted.
 * Connections, refusals and failed TLS handshakes are shown in the source's status.
 */
final class TcpListener implements SocketListener {
    private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);
    /** Room for a burst of clients connecting at once (the kernel caps it at somaxconn). */
    private static final int BACKLOG = 1024;

    private final LogSource source;
    private final ListenerSettings settings;
    private final ServerTls tls;
    private final ListenerContext context;
    private final Set<TcpConnectionTailer> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failedHandshakes = new AtomicLong();
    private volatile boolean stopping;
    private ServerSocket server;
    private Thread acceptor;

    /** @param tls null for plain TCP */
    TcpListener(LogSource source, ListenerSettings settings, ServerTls tls, ListenerContext context) {
        this.source = source;
        this.settings = settings;
        this.tls = tls;
        this.context = context;
    }

    @Override
    public void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(settings.bindHost(), settings.port()), BACKLOG);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        server = socket;
        updateStatus();
        acceptor = Thread.ofVirtual().name("tcp-listener-" + socket.getLocalPort()).start(this::acceptLoop);
    }

    @Override
    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!stopping) {
                    source.setError("stopped accepting connections on " + settings.address(port()) + ": "
                            + e.getMessage());
                    LOG.error("stopped accepting connections on {}: {}", settings.address(port()), e.toString());
                }
                return;
            }
            if (settings.maxConnections() > 0 && connections.size() >= settings.maxConnections()) {
                refused.incrementAndGet();
                updateStatus();
                close(socket);
                continue;
            }
            open(socket);
        }
    }

    private void open(Socket socket) {
        try {
            socket.setKeepAlive(true);
        } catch (IOException e) {
            LOG.debug("keepalive on {}: {}", socket, e.toString());
        }
        List<String> tags = context.peerTags().of(socket.getInetAddress());
        // A socket cannot be read again: an empty identifier keeps it out of the registry.
        InputIdentity input = new InputIdentity("", "end");
        SocketDecoder decoder = context.decoders().forStream(source, settings.syslog(), input, tags,
                context.sinks().get());
        TcpConnectionTailer tailer = new TcpConnectionTailer(socket, tls, source, decoder, settings.idleTimeout(),
                context.flushTick(), context.nanoClock(), this::closed);
        connections.add(tailer);
        accepted.incrementAndGet();
        updateStatus();
        tailer.start();
        if (stopping) {
            tailer.stop();
        }
    }

    private void closed(TcpConnectionTailer tailer) {
        connections.remove(tailer);
        if (tailer.handshakeFailure() != null) {
            failedHandshakes.incrementAndGet();
            source.setInfo("tls", "last failed TLS handshake: " + tailer.peer() + ": " + tailer.handshakeFailure());
        }
        updateStatus();
    }

    private synchronized void updateStatus() {
        StringBuilder line = new StringBuilder()
                .append(connections.size()).append(" connections open, ")
                .append(accepted.get()).append(" accepted");
        if (settings.maxConnections() > 0) {
            line.append(", ").append(refused.get()).append(" refused over max_connections (")
                    .append(settings.maxConnections()).append(')');
        }
        if (tls != null) {
            line.append(", ").append(failedHandshakes.get()).append(" failed TLS handshakes");
        }
        source.setInfo("connections", line.toString());
    }

    @Override
    public void stop() {
        stopping = true;
        if (server != null) {
            close(server);
        }
        for (TcpConnectionTailer t : connections) {
            t.stop();
        }
    }

    @Override
    public void awaitStopped(long deadlineNanos) throws InterruptedException {
        if (acceptor != null) {
            acceptor.join(Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime())));
        }
        for (TcpConnectionTailer t : List.copyOf(connections)) {
            t.awaitStopped(deadlineNanos);
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is all that is left to do with it.
        }
    }
}
