package dev.logsagent.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Log lines shaped like the shared benchmark harness's (access log, plain app log, key=value, JSON; 80-400 bytes,
 * printable ASCII), generated from a fixed seed so every run measures the same bytes.
 */
final class SampleLogs {
    private SampleLogs() {
    }

    static byte[] generate(int bytes) {
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder sb = new StringBuilder(bytes + 512);
        int seq = 0;
        while (sb.length() < bytes) {
            seq++;
            switch (random.nextInt(4)) {
                case 0 -> sb.append("10.1.").append(random.nextInt(256)).append('.').append(random.nextInt(256))
                        .append(" - - [26/Nov/2026:01:02:03 +0000] \"GET /api/v1/items/").append(random.nextInt(100000))
                        .append("?page=").append(random.nextInt(50)).append(" HTTP/1.1\" 200 ")
                        .append(random.nextInt(90000)).append(" \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\" seq=")
                        .append(seq);
                case 1 -> sb.append("2026-11-26 01:02:03,").append(100 + random.nextInt(900))
                        .append(" INFO  [worker-").append(random.nextInt(16)).append("] com.example.OrderService - order ")
                        .append(random.nextInt(1_000_000)).append(" processed in ").append(random.nextInt(500))
                        .append(" ms for customer user").append(random.nextInt(10000)).append("@example.com seq=")
                        .append(seq);
                case 2 -> sb.append("time=2026-11-26T01:02:03Z level=warn msg=\"slow query\" db=orders table=items")
                        .append(" duration_ms=").append(random.nextInt(5000)).append(" rows=").append(random.nextInt(1000))
                        .append(" trace_id=").append(Long.toHexString(random.nextLong())).append(" seq=").append(seq);
                default -> sb.append("{\"ts\":\"2026-11-26T01:02:03.123Z\",\"level\":\"info\",\"logger\":\"http\",")
                        .append("\"msg\":\"request served\",\"path\":\"/checkout\",\"status\":200,\"bytes\":")
                        .append(random.nextInt(100000)).append(",\"seq\":").append(seq).append('}');
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
