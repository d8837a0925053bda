package dev.logsagent.config;

import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * A conf.d file with {@code ad_identifiers}: its {@code logs} list is kept raw because template variables
 * ({@code %%port%%} ...) are resolved per container by autodiscovery, which then parses the result with
 * {@link SourceConfigParser#parse(JsonNode, String, String, SourceType)}.
 *
 * @param logs the {@code logs} list as written (a private copy)
 */
public record LogsTemplate(String integration, String file, List<String> adIdentifiers, JsonNode logs) {
    public LogsTemplate {
        adIdentifiers = List.copyOf(adIdentifiers);
        logs = logs.deepCopy();
    }
}
