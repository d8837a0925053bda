package dev.logsagent.logs.sender;

import javax.net.ssl.SSLContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP intake on 127.0.0.1 for tests, plain or TLS: records every line it receives, and can drop its
 * connections, or stop and start again on the same port like an intake that goes away.
 */
public final class TcpTestIntake implements AutoCloseable {
    private final SSLContext tls;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket server;
    private final int port;

    /** @param tls the server's TLS context; null for plain TCP */
    public TcpTestIntake(SSLContext tls) throws IOException {
        this.tls = tls;
        this.port = listen(0);
    }

    private int listen(int onPort) throws IOException {
        ServerSocket s = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        server = s;
        Thread.ofVirtual().name("tcp-test-intake-accept").start(() -> accept(s));
        return s.getLocalPort();
    }

    private void accept(ServerSocket s) {
        try {
            while (!s.isClosed()) {
                Socket socket = s.accept();
                accepted.incrementAndGet();
                connections.add(socket);
                Thread.ofVirtual().name("tcp-test-intake-read").start(() -> read(socket));
            }
        } catch (IOException e) {
            // Closed by stop().
        }
    }

    private void read(Socket socket) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // A dropped connection, or a client whose TLS handshake failed.
        } finally {
            connections.remove(socket);
        }
    }

    public int port() {
        return port;
    }

    /** Every line received, in arrival order. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Closes the open connections; the intake keeps listening. */
    public void dropConnections() throws IOException {
        for (Socket socket : connections) {
            socket.close();
        }
    }

    /** Stops listening and closes every connection, like an intake that went down. */
    public void stop() throws IOException {
        server.close();
        dropConnections();
    }

    /** Listens again on the same port. */
    public void start() throws IOException {
        listen(port);
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
