package dev.logsagent.config;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A value of the config tree with its key path, so that whatever reads it can report a problem at the right
 * place without passing locations around.
 */
final class ConfigNode {
    private final JsonNode value;
    private final JsonPointer pointer;
    private final String keyPath;
    private final Locator locator;
    private final Diagnostics diagnostics;

    private ConfigNode(JsonNode value, JsonPointer pointer, String keyPath, Locator locator, Diagnostics diagnostics) {
        this.value = value == null ? MissingNode.getInstance() : value;
        this.pointer = pointer;
        this.keyPath = keyPath;
        this.locator = locator;
        this.diagnostics = diagnostics;
    }

    static ConfigNode root(JsonNode value, Locator locator, Diagnostics diagnostics) {
        return named("", value, locator, diagnostics);
    }

    /** The top of a tree that users know by a name, such as a bare {@code logs} list taken from a label. */
    static ConfigNode named(String keyPath, JsonNode value, Locator locator, Diagnostics diagnostics) {
        return new ConfigNode(value, JsonPointer.empty(), keyPath, locator, diagnostics);
    }

    /** This node, with problems below it going to another collector (one per log source, say). */
    ConfigNode reportingTo(Diagnostics other) {
        return new ConfigNode(value, pointer, keyPath, locator, other);
    }

    /** The value under {@code name}; missing when absent or when this is not a mapping. */
    ConfigNode field(String name) {
        JsonNode child = value.isObject() ? value.get(name) : null;
        return new ConfigNode(child, pointer.appendProperty(name), keyPath.isEmpty() ? name : keyPath + "." + name,
                locator, diagnostics);
    }

    /** Like {@link #field} but matching the key regardless of case, as the Datadog Agent does for some objects. */
    ConfigNode fieldIgnoringCase(String name) {
        for (String actual : fieldNames()) {
            if (actual.equalsIgnoreCase(name)) {
                return field(actual);
            }
        }
        return field(name);
    }

    /** Follows a dotted path of keys. */
    ConfigNode at(String dottedPath) {
        ConfigNode node = this;
        for (String name : dottedPath.split("\\.")) {
            node = node.field(name);
        }
        return node;
    }

    List<ConfigNode> elements() {
        List<ConfigNode> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            elements.add(new ConfigNode(value.get(i), pointer.appendIndex(i), keyPath + "[" + i + "]", locator,
                    diagnostics));
        }
        return elements;
    }

    List<String> fieldNames() {
        return value.isObject() ? List.copyOf(value.propertyNames()) : List.of();
    }

    /** The value read by {@code reader}; null when absent or not valid (then reported). */
    <T> T read(ValueReader<T> reader) {
        return isAbsent() ? null : reader.read(this);
    }

    /** Like {@link #read}, and reports {@code whenAbsent} when there is no value (an empty string counts as none). */
    <T> T require(ValueReader<T> reader, String whenAbsent) {
        if (isAbsent() || value.isString() && value.stringValue().isBlank()) {
            error(whenAbsent);
            return null;
        }
        return reader.read(this);
    }

    /** Absent, or present with no value ({@code key:} or {@code key: null}). */
    boolean isAbsent() {
        return value.isMissingNode() || value.isNull();
    }

    JsonNode value() {
        return value;
    }

    String keyPath() {
        return keyPath;
    }

    /** True when this is a mapping; reports a problem when it is anything else but absent. */
    boolean expectMapping() {
        if (value.isObject()) {
            return true;
        }
        if (!isAbsent()) {
            error("expected a mapping of keys, got " + describe());
        }
        return false;
    }

    /** True when this is a list; reports a problem when it is anything else but absent. */
    boolean expectList() {
        if (value.isArray()) {
            return true;
        }
        if (!isAbsent()) {
            error("expected a list, got " + describe());
        }
        return false;
    }

    /** One warning per key of this mapping that is not in {@code known}. */
    void warnUnknownKeys(Set<String> known) {
        for (String name : fieldNames()) {
            if (!known.contains(name)) {
                field(name).warn("unknown key, ignored");
            }
        }
    }

    void error(String message) {
        diagnostics.error(locator.locate(pointer, keyPath, message));
    }

    void warn(String message) {
        diagnostics.warning(locator.locate(pointer, keyPath, message));
    }

    /** The value as a user would recognise it in a message: {@code 'abc'}, {@code 12}, {@code a list}. */
    String describe() {
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isString()) {
            return "'" + value.stringValue() + "'";
        }
        return value.toString();
    }
}
