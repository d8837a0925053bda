package dev.logsagent.bench.live;

import com.github.luben.zstd.ZstdInputStream;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.zip.GZIPInputStream;

/**
 * A Datadog-compatible logs intake on 127.0.0.1: takes {@code POST /api/v2/logs}, decodes the body (zstd, gzip or
 * none), reads the JSON array and hands every log's stamp to the {@link DeliveryLedger} with the time the request
 * arrived. A slow intake can be played: every answer is held {@code delay} long, and a fraction of the requests are
 * answered 503 (their logs are not counted: the agent must send them again).
 */
final class LiveIntake implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The request counters. */
    record Counters(long requests, long refused, long rejected, long wireBytes, long decodedBytes,
                    long firstAcceptedNanos, String lastRejection) {
    }

    private final DeliveryLedger ledger;
    private final RunClock clock;
    private final long delayMillis;
    private final double refuseFraction;
    private final DoubleSupplier dice;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong wireBytes = new AtomicLong();
    private final AtomicLong decodedBytes = new AtomicLong();
    private final AtomicLong firstAccepted = new AtomicLong(-1);
    private final AtomicReference<String> lastRejection = new AtomicReference<>();

    /**
     * @param delayMillis    how long every answer is held back
     * @param refuseFraction share of the requests answered 503, 0 to 1
     */
    LiveIntake(DeliveryLedger ledger, RunClock clock, long delayMillis, double refuseFraction) throws IOException {
        this(ledger, clock, delayMillis, refuseFraction, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param dice draws from [0, 1); a request is refused when the draw is below {@code refuseFraction} */
    LiveIntake(DeliveryLedger ledger, RunClock clock, long delayMillis, double refuseFraction, DoubleSupplier dice)
            throws IOException {
        this.dice = dice;
        this.ledger = ledger;
        this.clock = clock;
        this.delayMillis = delayMillis;
        this.refuseFraction = refuseFraction;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    Counters counters() {
        return new Counters(requests.get(), refused.get(), rejected.get(), wireBytes.get(), decodedBytes.get(),
                firstAccepted.get(), lastRejection.get());
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = clock.nanos();
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            int status = answer(exchange, raw, arrived);
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int answer(HttpExchange exchange, byte[] raw, long arrived) {
        requests.incrementAndGet();
        wireBytes.addAndGet(raw.length);
        if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/api/v2/logs")) {
            return reject(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + " is not the intake");
        }
        if (refuseFraction > 0 && dice.getAsDouble() < refuseFraction) {
            refused.incrementAndGet();
            return 503;
        }
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        try (InputStream in = decode(encoding, raw)) {
            byte[] body = in.readAllBytes();
            decodedBytes.addAndGet(body.length);
            readLogs(body, arrived);
        } catch (IOException | JacksonException e) {
            return reject("cannot read a " + (encoding == null ? "plain" : encoding) + " body: " + e.getMessage());
        }
        firstAccepted.compareAndSet(-1, arrived);
        return 200;
    }

    private int reject(String why) {
        rejected.incrementAndGet();
        lastRejection.set(why);
        return 400;
    }

    private static InputStream decode(String encoding, byte[] raw) throws IOException {
        InputStream in = new ByteArrayInputStream(raw);
        if (encoding == null || encoding.isEmpty() || encoding.equals("identity")) {
            return in;
        }
        return switch (encoding) {
            case "zstd" -> new ZstdInputStream(in);
            case "gzip" -> new GZIPInputStream(in);
            default -> throw new IOException("unsupported Content-Encoding " + encoding);
        };
    }

    /**
     * Streams through the array: only each log's {@code message} is looked at, without building a tree. Nothing is
     * counted unless the whole body reads well, since a body answered 400 is dropped by the agent.
     */
    private void readLogs(byte[] body, long arrived) throws IOException {
        List<LineStamp> stamps = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("the body is not a JSON array");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
                LineStamp stamp = null;
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    boolean message = parser.currentName().equals("message");
                    if (parser.nextToken() == JsonToken.VALUE_STRING && message) {
                        stamp = LineStamp.parse(parser.getTextCharacters(), parser.getTextOffset(),
                                parser.getTextLength());
                    } else {
                        parser.skipChildren();
                    }
                }
                stamps.add(stamp);
            }
            if (token != JsonToken.END_ARRAY) {
                throw new IOException("the array holds " + token + ", not only objects");
            }
        }
        for (LineStamp stamp : stamps) {
            if (stamp == null) {
                ledger.recordUnstamped();
            } else {
                ledger.record(stamp, arrived);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
