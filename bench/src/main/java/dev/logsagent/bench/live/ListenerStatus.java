package dev.logsagent.bench.live;

import tools.jackson.databind.JsonNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connection counters of the agent's {@code tcp} source, as its status shows them in an info line:
 * {@code 1000 connections open, 1000 accepted, 0 refused over max_connections (1000)}.
 *
 * @param refused connections closed at once for going over {@code max_connections} (0 when it is not set)
 */
record ListenerStatus(int open, long accepted, long refused) {
    private static final Pattern LINE =
            Pattern.compile("(\\d+) connections open, (\\d+) accepted(?:, (\\d+) refused over max_connections)?.*");

    /** The counters of the first {@code tcp} source in an {@code /agent/status} document, or null when none has any. */
    static ListenerStatus of(JsonNode status) {
        if (status == null) {
            return null;
        }
        for (JsonNode integration : status.path("logsStats").path("integrations")) {
            for (JsonNode source : integration.path("sources")) {
                if (!source.path("type").asString("").equals("tcp")) {
                    continue;
                }
                for (JsonNode info : source.path("info")) {
                    Matcher m = LINE.matcher(info.asString(""));
                    if (m.matches()) {
                        return new ListenerStatus(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)),
                                m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
                    }
                }
            }
        }
        return null;
    }
}
