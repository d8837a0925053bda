package dev.logsagent.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbered test lines, and checks that a stream of messages holds each exactly once and in order. */
final class LogLines {
    private LogLines() {
    }

    static String line(String prefix, int i) {
        return prefix + " seq=" + String.format("%07d", i) + " the quick brown fox jumps over the lazy dog";
    }

    /** Appends lines [from, to) and returns nothing until they are on disk. */
    static void append(Path file, String prefix, int from, int to) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(line(prefix, i)).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static List<String> expected(String prefix, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(line(prefix, i));
        }
        return out;
    }

    /** The messages that start with the prefix, in arrival order. */
    static List<String> withPrefix(List<String> messages, String prefix) {
        return messages.stream().filter(m -> m.startsWith(prefix + " ")).toList();
    }

    static void assertExactlyOnceInOrder(List<String> messages, String prefix, int count) {
        assertThat(withPrefix(messages, prefix)).containsExactlyElementsOf(expected(prefix, 0, count));
    }

    /** Every line at least once. */
    static void assertNoneLost(List<String> messages, String prefix, int count) {
        Set<String> missing = new HashSet<>(expected(prefix, 0, count));
        withPrefix(messages, prefix).forEach(missing::remove);
        assertThat(missing).as("lines never delivered").isEmpty();
    }
}
