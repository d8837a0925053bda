package dev.logsagent.logs.launchers.journald;

import dev.logsagent.config.Encoding;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.sources.LogSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Writes real journal files for tests with systemd's own tool: entries in journal export format go to
 * {@code systemd-journal-remote}, which appends them to a {@code .journal} file (creating it the first time).
 */
public final class TestJournal {
    public static final Path JOURNAL_REMOTE = Path.of("/lib/systemd/systemd-journal-remote");
    /** Realtime stamps of written entries, strictly increasing from now, so entries stay in writing order. */
    private static final AtomicLong LAST_MICROS = new AtomicLong();

    private TestJournal() {
    }

    /** Skips the calling test when systemd's journal tools are missing (.ci/run installs them). */
    public static void assumeToolsInstalled() {
        assumeTrue(Files.isExecutable(JOURNAL_REMOTE) && onPath("journalctl"),
                "journald tests need journalctl and " + JOURNAL_REMOTE
                        + " (Debian: apt-get install systemd-journal-remote); skipped");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A {@code type: journald} source.
     *
     * @param extra {@code include_units} and the like, as the config parser keeps them
     */
    public static LogSource source(String name, Path path, String service, StartPosition start,
                                   Map<String, Object> extra) {
        return new LogSource(name, new SourceConfig(name, "test", SourceType.JOURNALD,
                path == null ? null : path.toString(), List.of(), Encoding.UTF_8, start, 0, null, service, "journald",
                null, List.of(), List.of(), null, null, extra));
    }

    /** An entry with a message and further fields given as {@code "FIELD", value, ...} (String or byte[] values). */
    public static Map<String, Object> entry(String message, Object... fields) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("MESSAGE", message);
        for (int i = 0; i < fields.length; i += 2) {
            e.put((String) fields[i], fields[i + 1]);
        }
        return e;
    }

    /** Entries {@code <prefix><from>} to {@code <prefix><to - 1>}, each with the given fields. */
    public static List<Map<String, Object>> numbered(String prefix, int from, int to, Object... fields) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = from; i < to; i++) {
            entries.add(entry(prefix + i, fields));
        }
        return entries;
    }

    /** Appends the entries to the journal file, creating it if needed. */
    public static void append(Path journal, List<Map<String, Object>> entries) throws IOException, InterruptedException {
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        for (Map<String, Object> e : entries) {
            Map<String, Object> fields = new LinkedHashMap<>(e);
            fields.putIfAbsent("__REALTIME_TIMESTAMP", Long.toString(nextMicros()));
            fields.forEach((name, value) -> writeField(export, name, value));
            export.write('\n');
        }
        Process p = new ProcessBuilder(JOURNAL_REMOTE.toString(), "--output=" + journal, "-")
                .redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(export.toByteArray());
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("systemd-journal-remote failed: " + output);
        }
    }

    private static long nextMicros() {
        long now = System.currentTimeMillis() * 1000;
        return LAST_MICROS.updateAndGet(last -> Math.max(last + 1, now));
    }

    /** {@code NAME=value\n}, or the binary form for values with a newline or that are not text. */
    private static void writeField(ByteArrayOutputStream out, String name, Object value) {
        byte[] bytes = value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
        out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        if (!(value instanceof byte[]) && !hasNewline(bytes)) {
            out.write('=');
            out.writeBytes(bytes);
        } else {
            out.write('\n');
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(bytes.length).array());
            out.writeBytes(bytes);
        }
        out.write('\n');
    }

    private static boolean hasNewline(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n') {
                return true;
            }
        }
        return false;
    }
}
