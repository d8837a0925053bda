package dev.logsagent.logs.sender;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * An HTTP intake for destination tests on a loopback address, plain or TLS (the JDK's HttpServer and
 * HttpsServer): records every request as it arrived and answers with the status the test chooses, or not at all.
 */
public final class HttpTestIntake implements AutoCloseable {
    /** Answer code meaning: read the request, never answer. */
    public static final int NO_ANSWER = -1;

    /**
     * One request as received.
     *
     * @param clientPort  the client's port, which tells its connections apart
     * @param serverNames the host names the client sent as SNI (TLS only)
     */
    public record Request(String method, String path, Map<String, List<String>> headers, byte[] body,
                          int clientPort, List<String> serverNames) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile IntSupplier status = () -> 200;

    /** @param tls the server's TLS context; null for plain HTTP */
    public HttpTestIntake(SSLContext tls) throws IOException {
        this(tls, InetAddress.getLoopbackAddress(), 0);
    }

    /** @param port 0 for any free port */
    public HttpTestIntake(SSLContext tls, InetAddress address, int port) throws IOException {
        InetSocketAddress bind = new InetSocketAddress(address, port);
        if (tls == null) {
            server = HttpServer.create(bind, 0);
        } else {
            HttpsServer https = HttpsServer.create(bind, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The codes to answer from now on, one per request (200 by default); {@link #NO_ANSWER} never answers. */
    public void respondWith(IntSupplier status) {
        this.status = status;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        List<String> serverNames = List.of();
        if (exchange instanceof HttpsExchange secure
                && secure.getSSLSession() instanceof ExtendedSSLSession session) {
            serverNames = session.getRequestedServerNames().stream()
                    .map(name -> ((SNIHostName) name).getAsciiName()).toList();
        }
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body, exchange.getRemoteAddress().getPort(),
                serverNames));
        int code = status.getAsInt();
        if (code == NO_ANSWER) {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        exchange.sendResponseHeaders(code, -1);
        exchange.close();
    }

    /** Every request received, answered or not, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many connections the requests came on. */
    public long connections() {
        return requests.stream().mapToInt(Request::clientPort).distinct().count();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
