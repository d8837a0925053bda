package dev.logsagent.autodiscovery.listeners.docker;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URLDecoder;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for dockerd in tests: an HTTP/1.1 server on a unix socket (or loopback TCP) that answers with
 * recorded payloads, one request per connection, like the daemon with {@code Connection: close}.
 * {@code /version} says API 1.43 unless routed otherwise; unknown paths get the daemon's 404. Public for the
 * tests of the listeners built on the client.
 */
public final class FakeDockerDaemon implements AutoCloseable {
    public static final ObjectMapper JSON = JsonMapper.builder().build();

    /** How an event stream ends once its events are sent. */
    public enum Ending {
        /** The terminal chunk, then the connection closes: the daemon finished the stream. */
        FINISH,
        /** Nothing more until the client disconnects: a live subscription with no new events. */
        KEEP_OPEN,
        /** The connection closes without the terminal chunk: the daemon went away. */
        VANISH
    }

    public record Request(String method, String target) {
        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        /** A query parameter, decoded; "" when absent. */
        public String query(String name) {
            int start = target.indexOf('?');
            if (start < 0) {
                return "";
            }
            for (String pair : target.substring(start + 1).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).equals(name)) {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
            return "";
        }
    }

    @FunctionalInterface
    public interface Handler {
        void answer(Request request, Exchange exchange) throws IOException, InterruptedException;
    }

    /** The accepted connection, with helpers to answer on it. */
    public static final class Exchange {
        private final InputStream in;
        private final OutputStream out;

        private Exchange(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        public void respond(int status, byte[] body) throws IOException {
            write("HTTP/1.1 " + status + " " + reason(status) + "\r\nApi-Version: 1.43\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n");
            out.write(body);
            out.flush();
        }

        void startChunked(int status) throws IOException {
            write("HTTP/1.1 " + status + " " + reason(status) + "\r\nApi-Version: 1.43\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            out.flush();
        }

        void chunk(byte[] data, int offset, int length) throws IOException {
            write(Integer.toHexString(length) + "\r\n");
            out.write(data, offset, length);
            write("\r\n");
            out.flush();
        }

        void finishChunked() throws IOException {
            write("0\r\n\r\n");
            out.flush();
        }

        /** Blocks until the client closes its side (or the daemon is closed). */
        void awaitClientGone() {
            try {
                while (in.read() >= 0) {
                    continue;
                }
            } catch (IOException e) {
                return;
            }
        }

        private void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }

        private static String reason(int status) {
            return switch (status) {
                case 200 -> "OK";
                case 400 -> "Bad Request";
                case 404 -> "Not Found";
                case 500 -> "Internal Server Error";
                default -> "Status";
            };
        }
    }

    private final ServerSocketChannel server;
    private final String dockerHost;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private FakeDockerDaemon(ServerSocketChannel server, String dockerHost) {
        this.server = server;
        this.dockerHost = dockerHost;
        route("/version", (request, exchange) -> exchange.respond(200,
                "{\"Version\":\"24.0.7\",\"ApiVersion\":\"1.43\",\"MinAPIVersion\":\"1.12\"}".getBytes(
                        StandardCharsets.UTF_8)));
        this.acceptor = Thread.ofVirtual().name("fake-dockerd").start(this::acceptLoop);
    }

    public static FakeDockerDaemon onUnixSocket(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return new FakeDockerDaemon(server, "unix://" + socket);
    }

    static FakeDockerDaemon onLoopbackTcp() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        return new FakeDockerDaemon(server, "tcp://127.0.0.1:" + port);
    }

    /** What to give {@link DockerClient}. */
    public String dockerHost() {
        return dockerHost;
    }

    /** Answers requests for {@code path} (query left out) with {@code handler}. */
    public FakeDockerDaemon route(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    int openConnections() {
        return connections.size();
    }

    /** 200 with the resource's bytes and a Content-Length. */
    public static Handler resource(String name) {
        byte[] body = read(name);
        return (request, exchange) -> exchange.respond(200, body);
    }

    /** 200 with the resource's bytes chunked every {@code chunkSize} bytes, as dockerd does for large bodies. */
    static Handler chunkedResource(String name, int chunkSize) {
        byte[] body = read(name);
        return (request, exchange) -> {
            exchange.startChunked(200);
            for (int offset = 0; offset < body.length; offset += chunkSize) {
                exchange.chunk(body, offset, Math.min(chunkSize, body.length - offset));
            }
            exchange.finishChunked();
        };
    }

    /** The daemon's error shape. */
    public static Handler error(int status, String message) {
        return (request, exchange) -> exchange.respond(status,
                JSON.writeValueAsBytes(Map.of("message", message)));
    }

    /** Accepts the request and never answers. */
    static Handler silent() {
        return (request, exchange) -> exchange.awaitClientGone();
    }

    /**
     * Streams event lines as {@code GET /events} does, honouring {@code since} (events at or after it) and the
     * {@code type} filter: each line its own chunk when {@code chunkSize} is 0, otherwise all of them cut every
     * {@code chunkSize} bytes wherever that falls; {@code pause} between chunks.
     */
    public static Handler events(List<String> lines, int chunkSize, Duration pause, Ending ending) {
        return (request, exchange) -> {
            List<byte[]> chunks = cut(selected(lines, request), chunkSize);
            exchange.startChunked(200);
            for (byte[] chunk : chunks) {
                exchange.chunk(chunk, 0, chunk.length);
                Thread.sleep(pause);
            }
            switch (ending) {
                case FINISH -> exchange.finishChunked();
                case KEEP_OPEN -> exchange.awaitClientGone();
                case VANISH -> { }
            }
        };
    }

    public static List<String> resourceLines(String name) {
        return new String(read(name), StandardCharsets.UTF_8).lines().toList();
    }

    public static byte[] read(String name) {
        try (InputStream in = FakeDockerDaemon.class.getResourceAsStream("/docker/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /docker/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> selected(List<String> lines, Request request) {
        long since = sinceNanos(request.query("since"));
        Set<String> types = new HashSet<>();
        String filters = request.query("filters");
        if (!filters.isEmpty()) {
            JSON.readTree(filters).path("type").forEach(type -> types.add(type.asString()));
        }
        List<String> selected = new ArrayList<>();
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            boolean typeMatches = types.isEmpty() || types.contains(event.path("Type").asString(""));
            if (typeMatches && event.path("timeNano").asLong(Long.MAX_VALUE) >= since) {
                selected.add(line);
            }
        }
        return selected;
    }

    private static long sinceNanos(String since) {
        if (since.isEmpty()) {
            return Long.MIN_VALUE;
        }
        int dot = since.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(since) * 1_000_000_000L;
        }
        String nanos = (since.substring(dot + 1) + "000000000").substring(0, 9);
        return Long.parseLong(since.substring(0, dot)) * 1_000_000_000L + Long.parseLong(nanos);
    }

    private static List<byte[]> cut(List<String> lines, int chunkSize) {
        List<byte[]> chunks = new ArrayList<>();
        if (chunkSize == 0) {
            lines.forEach(line -> chunks.add((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return chunks;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        lines.forEach(line -> all.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = all.toByteArray();
        for (int offset = 0; offset < bytes.length; offset += chunkSize) {
            chunks.add(Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + chunkSize)));
        }
        return chunks;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                connections.add(connection);
                Thread.ofVirtual().name("fake-dockerd-connection").start(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(Channels.newInputStream(connection));
            OutputStream out = Channels.newOutputStream(connection);
            Request request = readRequest(in);
            if (request == null) {
                return;
            }
            requests.add(request);
            Exchange exchange = new Exchange(in, out);
            Handler handler = routes.getOrDefault(request.path(), error(404, "page not found"));
            handler.answer(request, exchange);
        } catch (IOException e) {
            // the client went away: nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.remove(connection);
        }
    }

    private static Request readRequest(InputStream in) throws IOException {
        String requestLine = HttpLines.read(in, 8192, "request line");
        if (requestLine == null) {
            return null;
        }
        String header;
        do {
            header = HttpLines.require(in, 8192, "request headers");
        } while (!header.isEmpty());
        String[] parts = requestLine.split(" ");
        return new Request(parts[0], parts[1]);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel connection : connections) {
            connection.close();
        }
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
