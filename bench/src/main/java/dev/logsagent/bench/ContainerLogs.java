package dev.logsagent.bench;

import java.nio.charset.StandardCharsets;

/**
 * The harness's lines ({@link SampleLogs}) as container runtimes write them: docker {@code json-file} records and
 * Kubernetes CRI lines, one in ten on stderr, each record with its own nanosecond timestamp. The result is cut at
 * the first record boundary past {@code bytes}: the wrapped chunk is the benchmark's input, so MiB/s counts
 * record bytes, envelope and escapes included.
 */
final class ContainerLogs {
    private ContainerLogs() {
    }

    /** {@code {"log":"<line, JSON-escaped>\n","stream":"stdout","time":"2026-11-26T01:02:03.123456789Z"}}. */
    static byte[] dockerJson(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 1024);
        int seq = 0;
        for (String line : lines(bytes)) {
            if (sb.length() >= bytes) {
                break;
            }
            sb.append("{\"log\":\"");
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
            }
            sb.append("\\n\",\"stream\":\"").append(stream(seq)).append("\",\"time\":\"").append(time(seq))
                    .append("\"}\n");
            seq++;
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code 2026-11-26T01:02:03.123456789Z stdout F <line>}: whole lines, no partials. */
    static byte[] cri(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 1024);
        int seq = 0;
        for (String line : lines(bytes)) {
            if (sb.length() >= bytes) {
                break;
            }
            sb.append(time(seq)).append(' ').append(stream(seq)).append(" F ").append(line).append('\n');
            seq++;
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** More lines than {@code bytes} of records need, since wrapping only adds bytes. */
    private static String[] lines(int bytes) {
        return new String(SampleLogs.generate(bytes), StandardCharsets.US_ASCII).split("\n");
    }

    private static String stream(int seq) {
        return seq % 10 == 9 ? "stderr" : "stdout";
    }

    /** RFC 3339 with nanoseconds, as both runtimes write it; the fraction varies so no two records share it. */
    private static String time(int seq) {
        return "2026-11-26T01:02:03.%09dZ".formatted(seq * 9973L % 1_000_000_000L);
    }
}
