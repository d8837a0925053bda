package dev.logsagent.status;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The human text of {@code logs-agent status}, laid out like the Datadog Agent's "Logs Agent" section. */
public final class StatusText {
    private StatusText() {
    }

    public static String render(StatusDocument document) {
        StringBuilder out = new StringBuilder();
        banner(out, "", "Logs Agent");
        StatusDocument.LogsStats stats = document.logsStats();
        if (stats == null || !stats.isRunning()) {
            out.append("\n  Logs Agent is not running\n");
            return out.toString();
        }
        out.append('\n');
        for (String endpoint : stats.endpoints()) {
            out.append("    ").append(endpoint).append('\n');
        }
        stats.metrics().forEach((name, value) ->
                out.append("    ").append(name).append(": ").append(value).append('\n'));
        lines(out, "Errors", stats.errors());
        lines(out, "Warnings", stats.warnings());
        if (!stats.destinations().isEmpty()) {
            out.append('\n');
            banner(out, "  ", "Destinations");
            for (StatusDocument.Destination destination : stats.destinations()) {
                out.append("    - ").append(destination.name()).append(": ").append(destination.state()).append('\n');
                destination.counters().forEach((name, value) ->
                        out.append("      ").append(name).append(": ").append(value).append('\n'));
            }
        }
        for (StatusDocument.Integration integration : stats.integrations()) {
            out.append('\n');
            banner(out, "  ", integration.name());
            for (StatusDocument.Source source : integration.sources()) {
                source(out, source);
            }
        }
        if (!document.metadata().isEmpty()) {
            out.append('\n');
            banner(out, "  ", "Metadata");
            document.metadata().forEach((key, value) ->
                    out.append("    ").append(key).append(": ").append(value(value)).append('\n'));
        }
        return out.toString();
    }

    private static void source(StringBuilder out, StatusDocument.Source source) {
        String bullet = "    - ";
        for (Map.Entry<String, Object> field : source.configuration().entrySet()) {
            out.append(bullet).append(label(field.getKey())).append(": ").append(value(field.getValue())).append('\n');
            bullet = "      ";
        }
        if (source.configuration().isEmpty()) {
            out.append(bullet).append("Type: ").append(source.type()).append('\n');
        }
        out.append("      Status: ").append(source.status()).append('\n');
        for (String message : source.messages()) {
            out.append("        ").append(message).append('\n');
        }
        for (String info : source.info()) {
            out.append("        ").append(info).append('\n');
        }
        if (!source.inputs().isEmpty()) {
            out.append("      Inputs:\n");
            for (String input : source.inputs()) {
                out.append("        ").append(input).append('\n');
            }
        }
        out.append("      Bytes Read: ").append(source.bytesRead()).append('\n');
    }

    private static void lines(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append('\n');
        banner(out, "  ", title);
        for (String line : lines) {
            out.append("    ").append(line).append('\n');
        }
    }

    private static void banner(StringBuilder out, String indent, String title) {
        String rule = "=".repeat(Math.max(title.length(), 1));
        out.append(indent).append(rule).append('\n').append(indent).append(title).append('\n')
                .append(indent).append(rule).append('\n');
    }

    /** {@code start_position} -> {@code Start Position}. */
    private static String label(String key) {
        return Arrays.stream(key.split("_"))
                .filter(word -> !word.isEmpty())
                .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
                .collect(Collectors.joining(" "));
    }

    private static String value(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(StatusText::value).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + value(e.getValue()))
                    .collect(Collectors.joining(" ", "{", "}"));
        }
        return String.valueOf(value);
    }
}
