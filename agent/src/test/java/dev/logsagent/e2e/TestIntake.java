package dev.logsagent.e2e;

import com.github.luben.zstd.ZstdInputStream;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.zip.GZIPInputStream;

/**
 * A Datadog-compatible HTTP intake on 127.0.0.1 for end-to-end tests: decompresses (zstd, gzip) and parses what it
 * receives, records the headers, and answers with whatever status the test chooses, or not at all.
 */
final class TestIntake implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One request as received. */
    record Request(Map<String, List<String>> headers, List<JsonNode> logs, int status) {
        String header(String name) {
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
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile IntSupplier status = () -> 200;
    private volatile boolean hang;

    TestIntake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String hostPort() {
        return "127.0.0.1:" + port();
    }

    /** The status to answer from now on (200 by default). */
    void respondWith(IntSupplier status) {
        this.status = status;
    }

    /** Reads requests but never answers them, like an intake that stopped responding. */
    void hang(boolean hang) {
        this.hang = hang;
    }

    private void handle(HttpExchange exchange) throws IOException {
        attempts.incrementAndGet();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        if (hang) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        int code = status.getAsInt();
        List<JsonNode> logs = new ArrayList<>();
        if (code == 200 && exchange.getRequestURI().getPath().equals("/api/v2/logs")) {
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            try (InputStream in = decode(encoding, raw)) {
                JsonNode array = JSON.readTree(in);
                array.forEach(logs::add);
            }
        }
        requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), logs, code));
        exchange.sendResponseHeaders(code, -1);
        exchange.close();
    }

    private static InputStream decode(String encoding, byte[] raw) throws IOException {
        InputStream in = new ByteArrayInputStream(raw);
        if ("zstd".equals(encoding)) {
            return new ZstdInputStream(in);
        }
        if ("gzip".equals(encoding)) {
            return new GZIPInputStream(in);
        }
        return in;
    }

    /** Every log accepted (answered 200), in arrival order. */
    List<JsonNode> logs() {
        List<JsonNode> all = new ArrayList<>();
        for (Request r : requests) {
            all.addAll(r.logs());
        }
        return all;
    }

    List<String> messages() {
        return logs().stream().map(l -> l.get("message").asString()).toList();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests seen, answered or not. */
    int attempts() {
        return attempts.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
