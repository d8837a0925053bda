package dev.logsagent.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * An application log for a {@code multi_line} rule on {@code ^\d{4}-\d{2}-\d{2}}: every entry starts with a
 * {@code 2026-11-26 01:02:03,123} timestamp; one in ten is an ERROR line followed by one of three real Java stack
 * traces (resources {@code multiline/*.txt}, see PROVENANCE.md there), the others are single INFO lines. About
 * half the bytes are trace lines. From a fixed seed, so every run measures the same bytes.
 */
final class StackTraceLogs {
    /** What the benchmark's {@code multi_line} rule matches: the first line of each entry. */
    static final String START_PATTERN = "^\\d{4}-\\d{2}-\\d{2}";
    private static final String[] TRACES = {"java_exc.txt", "complex_java_exc.txt", "nested_java_exc.txt"};

    private StackTraceLogs() {
    }

    static byte[] generate(int bytes) {
        String[] traces = new String[TRACES.length];
        for (int i = 0; i < TRACES.length; i++) {
            traces[i] = resource("multiline/" + TRACES[i]);
        }
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder sb = new StringBuilder(bytes + 4096);
        int seq = 0;
        while (sb.length() < bytes) {
            seq++;
            sb.append("2026-11-26 01:02:03,").append(100 + random.nextInt(900));
            if (random.nextInt(10) == 0) {
                sb.append(" ERROR [worker-").append(random.nextInt(16)).append("] com.example.OrderService - order ")
                        .append(random.nextInt(1_000_000)).append(" failed seq=").append(seq).append('\n')
                        .append(traces[random.nextInt(traces.length)]);
            } else {
                sb.append(" INFO  [worker-").append(random.nextInt(16)).append("] com.example.OrderService - order ")
                        .append(random.nextInt(1_000_000)).append(" processed in ").append(random.nextInt(500))
                        .append(" ms for customer user").append(random.nextInt(10000)).append("@example.com seq=")
                        .append(seq).append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A trace file, ending with a newline. */
    private static String resource(String name) {
        try (InputStream in = StackTraceLogs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the benchmark jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
