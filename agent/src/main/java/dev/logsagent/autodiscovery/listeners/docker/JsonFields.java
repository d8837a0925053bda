package dev.logsagent.autodiscovery.listeners.docker;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lenient reads of the daemon's JSON: a field that is missing, null or of another type reads as empty, because
 * API versions add, drop and retype fields and the agent should work with all of them. The kubelet listener reads
 * its PodLists the same way.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** A string field, a number or boolean as its text, otherwise "". */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : "";
    }

    public static long number(JsonNode node, String field, long otherwise) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asLong() : otherwise;
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isBoolean() && value.asBoolean();
    }

    /** An object of strings (labels, attributes) in the daemon's order; non-string values as text. */
    public static Map<String, String> stringMap(JsonNode object) {
        if (!object.isObject()) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode value = entry.getValue();
            map.put(entry.getKey(), value.isValueNode() && !value.isNull() ? value.asString() : "");
        }
        return map;
    }

    static List<String> stringList(JsonNode array) {
        if (!array.isArray()) {
            return List.of();
        }
        List<String> list = new ArrayList<>(array.size());
        for (JsonNode value : array) {
            if (value.isString()) {
                list.add(value.asString());
            }
        }
        return list;
    }

    /** Docker names come with a leading slash ({@code /boring_feynman}); the agent uses them without. */
    static String withoutLeadingSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
