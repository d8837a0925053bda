package dev.logsagent.autodiscovery.configresolver;

import dev.logsagent.autodiscovery.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Map;

/**
 * Replaces every {@code %%variable%%} in the string values of a {@code logs} list. A value that is exactly one
 * variable becomes a number or a boolean when its value reads as one ({@code port: "%%port%%"} gives
 * {@code 6379}), as in the Datadog Agent. A {@code %%} without a closing one is kept as written.
 */
final class TemplateSubstitution {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DELIMITER = "%%";

    private final TemplateVariables variables;

    TemplateSubstitution(TemplateVariables variables) {
        this.variables = variables;
    }

    /** A resolved copy; the template itself is left as it is. */
    JsonNode substitute(JsonNode node, Service service) throws UnresolvableVariableException {
        if (node.isString()) {
            return substituteText(node.stringValue(), service);
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode(node.size());
            for (JsonNode element : node) {
                copy.add(substitute(element, service));
            }
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), substitute(field.getValue(), service));
            }
            return copy;
        }
        return node;
    }

    private JsonNode substituteText(String text, Service service) throws UnresolvableVariableException {
        int start = text.indexOf(DELIMITER);
        if (start < 0) {
            return NODES.stringNode(text);
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (start >= 0) {
            int end = text.indexOf(DELIMITER, start + DELIMITER.length());
            if (end < 0) {
                break;
            }
            String value = variables.value(text.substring(start + DELIMITER.length(), end), service);
            if (start == 0 && end + DELIMITER.length() == text.length()) {
                return typed(value);
            }
            out.append(text, from, start).append(value);
            from = end + DELIMITER.length();
            start = text.indexOf(DELIMITER, from);
        }
        return NODES.stringNode(out.append(text, from, text.length()).toString());
    }

    private static JsonNode typed(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return NODES.booleanNode(lower.equals("true"));
        }
        // Read as a JSON number is read, so a resolved value is typed as if it had been written in the config.
        return isDecimal(value) ? JSON.readTree(value) : NODES.stringNode(value);
    }

    /**
     * An optional minus, digits, and optionally a dot and more digits, as JSON writes a number: {@code 007} has a
     * leading zero and stays text, like an identifier would.
     */
    private static boolean isDecimal(String value) {
        int i = value.startsWith("-") ? 1 : 0;
        if (value.length() > i + 1 && value.charAt(i) == '0' && value.charAt(i + 1) != '.') {
            return false;
        }
        int digits = 0;
        boolean dot = false;
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot && digits > 0) {
                dot = true;
                digits = 0;
            } else {
                return false;
            }
        }
        return digits > 0;
    }
}
