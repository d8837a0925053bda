package dev.logsagent.bench.live;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The text after each line's stamp: the four shapes of the shared benchmark's lines (access log, plain app log,
 * key=value, JSON), 120 to 300 bytes of printable ASCII (170 on average), varied enough that compression has real
 * work to do. From a fixed seed, so every run writes the same bytes.
 */
final class FillerLines {
    private FillerLines() {
    }

    static byte[][] generate(int count) {
        SplittableRandom random = new SplittableRandom(42);
        byte[][] lines = new byte[count][];
        for (int i = 0; i < count; i++) {
            lines[i] = line(random).getBytes(StandardCharsets.US_ASCII);
        }
        return lines;
    }

    private static String line(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> "10.1." + r.nextInt(256) + "." + r.nextInt(256)
                    + " - - [26/Nov/2026:01:02:03 +0000] \"GET /api/v1/items/"
                    + r.nextInt(100_000) + "?page=" + r.nextInt(50) + " HTTP/1.1\" " + (r.nextInt(10) == 0 ? 404 : 200)
                    + " " + r.nextInt(90_000) + " \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"";
            case 1 -> "2026-11-26 01:02:03," + (100 + r.nextInt(900)) + " INFO  [worker-" + r.nextInt(16)
                    + "] com.example.OrderService - order " + r.nextInt(1_000_000) + " processed in " + r.nextInt(500)
                    + " ms for customer user" + r.nextInt(10_000) + "@example.com items="
                    + "x".repeat(r.nextInt(120));
            case 2 -> "time=2026-11-26T01:02:03Z level=warn msg=\"slow query\" db=orders table=items duration_ms="
                    + r.nextInt(5000) + " rows=" + r.nextInt(1000) + " trace_id=" + Long.toHexString(r.nextLong());
            default -> "{\"ts\":\"2026-11-26T01:02:03.123Z\",\"level\":\"info\",\"logger\":\"http\","
                    + "\"msg\":\"request served\",\"path\":\"/checkout\",\"status\":200,\"bytes\":" + r.nextInt(100_000)
                    + ",\"user_agent\":\"" + "Mozilla/5.0 ".repeat(1 + r.nextInt(12)) + "\"}";
        };
    }
}
