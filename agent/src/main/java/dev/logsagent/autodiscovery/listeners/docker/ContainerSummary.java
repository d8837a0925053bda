package dev.logsagent.autodiscovery.listeners.docker;

import tools.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code GET /containers/json}: what the listener needs to tell containers apart before
 * inspecting them.
 *
 * @param names  without the leading slash; more than one when links give a container other names
 * @param image  the image as the container was started with it ({@code redis:7}), or an image ID
 * @param state  lower case: {@code running}, {@code exited}, {@code paused}, {@code created}, ...;
 *               derived from {@code Status} on daemons older than API 1.23, "" when unknown
 */
public record ContainerSummary(String id, List<String> names, String image, String imageId,
                               Map<String, String> labels, String state) {

    public ContainerSummary {
        Objects.requireNonNull(id, "id");
        names = List.copyOf(names);
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(imageId, "imageId");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        Objects.requireNonNull(state, "state");
    }

    /** The first name, which is the container's own (the others come from links). */
    public String name() {
        return names.isEmpty() ? "" : names.getFirst();
    }

    static ContainerSummary fromJson(JsonNode node) {
        List<String> names = JsonFields.stringList(node.path("Names")).stream()
                .map(JsonFields::withoutLeadingSlash)
                .toList();
        String state = node.path("State").isString()
                ? JsonFields.text(node, "State").toLowerCase(Locale.ROOT)
                : stateFromStatus(JsonFields.text(node, "Status"));
        return new ContainerSummary(JsonFields.text(node, "Id"), names, JsonFields.text(node, "Image"),
                JsonFields.text(node, "ImageID"), JsonFields.stringMap(node.path("Labels")), state);
    }

    /** Older daemons only give the human status line, as in "Up 2 hours (Paused)" or "Exited (0) 3 days ago". */
    private static String stateFromStatus(String status) {
        if (status.startsWith("Up")) {
            return status.contains("(Paused)") ? "paused" : "running";
        }
        if (status.startsWith("Exit")) {
            return "exited";
        }
        for (String state : List.of("Created", "Restarting", "Removal", "Dead")) {
            if (status.startsWith(state)) {
                return state.equals("Removal") ? "removing" : state.toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }
}
