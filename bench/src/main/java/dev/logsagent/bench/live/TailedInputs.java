package dev.logsagent.bench.live;

import tools.jackson.databind.JsonNode;

/** How many inputs (files being tailed) the agent's sources report in an {@code /agent/status} document. */
final class TailedInputs {
    private TailedInputs() {
    }

    /** The inputs of every source, or null when there is no document (the local API is not up yet). */
    static Integer of(JsonNode status) {
        if (status == null) {
            return null;
        }
        int inputs = 0;
        for (JsonNode integration : status.path("logsStats").path("integrations")) {
            for (JsonNode source : integration.path("sources")) {
                inputs += source.path("inputs").size();
            }
        }
        return inputs;
    }
}
