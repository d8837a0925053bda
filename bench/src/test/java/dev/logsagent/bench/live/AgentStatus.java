package dev.logsagent.bench.live;

import dev.logsagent.status.StatusDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/** The agent's own status document, as {@code GET /agent/status} serialises it, for the readers of its counters. */
final class AgentStatus {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private AgentStatus() {
    }

    /** A status with one integration holding {@code sources}. */
    static JsonNode of(StatusDocument.Source... sources) {
        StatusDocument document = new StatusDocument(new StatusDocument.LogsStats(true, List.of(), Map.of(),
                List.of(new StatusDocument.Integration("bench", List.of(sources))), List.of(), List.of(), List.of()),
                Map.of());
        return JSON.readTree(JSON.writeValueAsString(document));
    }
}
