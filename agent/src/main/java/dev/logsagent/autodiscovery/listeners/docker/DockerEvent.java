package dev.logsagent.autodiscovery.listeners.docker;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message of {@code GET /events}.
 *
 * @param type       {@code container}, {@code image}, {@code network}, ...; {@code container} for daemons
 *                   older than API 1.22, which sent container events only in the legacy shape
 * @param action     {@code create}, {@code start}, {@code die}, {@code destroy}, ...; some carry a detail
 *                   after a colon ({@code health_status: healthy}); the legacy {@code status} when there is no
 *                   {@code Action}
 * @param id         {@code Actor.ID}, or the legacy {@code id}
 * @param attributes {@code Actor.Attributes}: the container's labels plus {@code image}, {@code name} and,
 *                   for {@code die}, {@code exitCode}; the legacy {@code from} fills in {@code image}
 * @param timeNano   when it happened, in nanoseconds since the epoch
 */
public record DockerEvent(String type, String action, String id, Map<String, String> attributes, long timeNano) {

    public DockerEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(id, "id");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public Instant time() {
        return Instant.ofEpochSecond(0, timeNano);
    }

    static DockerEvent fromJson(JsonNode node) {
        JsonNode actor = node.path("Actor");
        String type = JsonFields.text(node, "Type");
        String action = JsonFields.text(node, "Action");
        String id = JsonFields.text(actor, "ID");
        Map<String, String> attributes = new LinkedHashMap<>(JsonFields.stringMap(actor.path("Attributes")));
        String from = JsonFields.text(node, "from");
        if (!from.isEmpty()) {
            attributes.putIfAbsent("image", from);
        }
        long timeNano = JsonFields.number(node, "timeNano", JsonFields.number(node, "time", 0) * 1_000_000_000L);
        return new DockerEvent(type.isEmpty() ? "container" : type,
                action.isEmpty() ? JsonFields.text(node, "status") : action,
                id.isEmpty() ? JsonFields.text(node, "id") : id,
                attributes, timeNano);
    }
}
