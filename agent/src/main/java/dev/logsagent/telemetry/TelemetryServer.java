package dev.logsagent.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.logsagent.errors.StartupException;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a registry in the Prometheus text format at {@code /telemetry} and {@code /metrics} on
 * {@code 127.0.0.1:expvar_port}; loopback only, as the metrics are for the local host's scraper.
 */
public final class TelemetryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryServer.class);
    private static final String HOST = "127.0.0.1";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final PrometheusRegistry registry;
    private final int requestedPort;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private HttpServer server;
    private ExecutorService executor;

    /** @param port the port to listen on; 0 for any free port ({@link #port()} tells which after start) */
    public TelemetryServer(PrometheusRegistry registry, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("telemetry port must be 0 to 65535, got " + port);
        }
        this.registry = Objects.requireNonNull(registry, "registry");
        this.requestedPort = port;
    }

    /** Binds and starts serving; a port that cannot be bound is a {@link StartupException} with a one-line message. */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("telemetry server already started");
        }
        HttpServer bound;
        try {
            bound = HttpServer.create(new InetSocketAddress(HOST, requestedPort), 0);
        } catch (BindException e) {
            String where = HOST + ":" + requestedPort;
            String message = e.getMessage() != null && e.getMessage().contains("in use")
                    ? "telemetry port " + where + " is already in use"
                    : "telemetry port " + where + " cannot be bound: " + e.getMessage();
            throw new StartupException(message, e);
        } catch (IOException e) {
            throw new StartupException("telemetry server on " + HOST + ":" + requestedPort
                    + " could not start: " + e.getMessage(), e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        bound.setExecutor(executor);
        bound.createContext("/", this::handle);
        bound.start();
        server = bound;
        LOG.info("telemetry served at http://{}:{}/telemetry", HOST, port());
    }

    /** The port actually listened on. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("telemetry server is not started");
        }
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/telemetry") && !path.equals("/metrics")) {
                respond(exchange, 404, TEXT, bytes("not found: " + path + " (metrics are at /telemetry)\n"));
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                respond(exchange, 405, TEXT, bytes("method not allowed: " + exchange.getRequestMethod() + "\n"));
                return;
            }
            byte[] body;
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
                writer.write(out, registry.scrape());
                body = out.toByteArray();
            } catch (RuntimeException e) {
                LOG.warn("collecting telemetry failed", e);
                respond(exchange, 500, TEXT, bytes("collecting metrics failed: " + e.getMessage() + "\n"));
                return;
            }
            respond(exchange, 200, writer.getContentType(), body);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops listening at once and waits for requests in progress to end. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.close();
        server = null;
        executor = null;
    }
}
