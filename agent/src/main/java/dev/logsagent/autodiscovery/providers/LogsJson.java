package dev.logsagent.autodiscovery.providers;

import dev.logsagent.errors.ConfigProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Locale;

/**
 * A {@code logs} list written as JSON in a container label or a pod annotation. Only its syntax is checked here:
 * its entries may hold template variables ({@code "port": "%%port%%"}) and are validated once resolved.
 */
final class LogsJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Either the list, or why it was refused. */
    record Parsed(JsonNode logs, ConfigProblem problem) {
    }

    private LogsJson() {
    }

    /** @param origin named in the problem: which label or annotation of which container */
    static Parsed parse(String value, String origin) {
        JsonNode logs;
        try {
            logs = JSON.readTree(value);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
            return new Parsed(null, new ConfigProblem(origin, null, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "invalid JSON: " + message));
        }
        if (logs == null || !logs.isArray()) {
            String got = logs == null || logs.isMissingNode() ? "nothing" : "a JSON " + logs.getNodeType()
                    .name().toLowerCase(Locale.ROOT);
            return new Parsed(null, new ConfigProblem(origin, null, 0, 0,
                    "expected a JSON list of log sources, got " + got));
        }
        return new Parsed(logs, null);
    }
}
