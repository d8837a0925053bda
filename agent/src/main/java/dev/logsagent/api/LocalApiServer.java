package dev.logsagent.api;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.logsagent.errors.StartupException;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.status.StatusDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The agent's local API on {@code cmd_host:cmd_port}: status, version and stream-logs for the CLI, plus whatever
 * other components {@link #route register}. Every request, to any path, needs the bearer token.
 */
public final class LocalApiServer implements AutoCloseable {
    public static final String STATUS_PATH = "/agent/status";
    public static final String VERSION_PATH = "/agent/version";
    public static final String STREAM_LOGS_PATH = "/agent/stream-logs";

    private static final Logger LOG = LoggerFactory.getLogger(LocalApiServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final BearerTokenFilter auth;
    private final StreamLogsHandler streamLogs;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Binds the port (not serving yet: see {@link #start()}).
     *
     * @param port    0 picks a free port, see {@link #port()}
     * @param version the build information served at {@value #VERSION_PATH}
     * @throws StartupException when the port cannot be bound
     */
    public LocalApiServer(String host, int port, AuthToken token, Supplier<StatusDocument> status,
                          Supplier<Map<String, Object>> version, StreamLogsBroker broker) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (BindException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("in use")
                    ? "is already in use" : "cannot be bound: " + e.getMessage();
            throw new StartupException("local API port " + host + ":" + port + " " + reason, e);
        } catch (IOException e) {
            throw new StartupException("local API cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        auth = new BearerTokenFilter(token);
        streamLogs = new StreamLogsHandler(broker);
        server.createContext("/", exchange -> JsonResponse.error(exchange, 404,
                "no such endpoint: " + exchange.getRequestURI().getPath())).getFilters().add(auth);
        route(STATUS_PATH, getOnly(exchange -> JsonResponse.send(exchange, 200, status.get())));
        route(VERSION_PATH, getOnly(exchange -> JsonResponse.send(exchange, 200, version.get())));
        route(STREAM_LOGS_PATH, getOnly(streamLogs));
    }

    /**
     * Serves {@code path} exactly (not its sub-paths) with {@code handler}, behind the token check. A handler that
     * throws before answering gets a 500 with the error.
     */
    public void route(String path, HttpHandler handler) {
        HttpContext context = server.createContext(path, exchange -> {
            try {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    JsonResponse.error(exchange, 404, "no such endpoint: " + exchange.getRequestURI().getPath());
                    return;
                }
                handler.handle(exchange);
            } catch (RuntimeException e) {
                LOG.warn("local API {} failed", path, e);
                if (exchange.getResponseCode() == -1) {
                    JsonResponse.error(exchange, 500, path + " failed: " + e.getMessage());
                }
            } finally {
                exchange.close();
            }
        });
        context.getFilters().add(auth);
    }

    public void start() {
        server.start();
    }

    /** The port actually bound, useful when it was created with port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Ends open streams, then stops serving and closes every connection; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        streamLogs.stop();
        server.stop(1);
        executor.shutdownNow();
    }

    private static HttpHandler getOnly(HttpHandler handler) {
        return exchange -> {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                JsonResponse.error(exchange, 405, exchange.getRequestMethod() + " not allowed, use GET");
                return;
            }
            handler.handle(exchange);
        };
    }
}
