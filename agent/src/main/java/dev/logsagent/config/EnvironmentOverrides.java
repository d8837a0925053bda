package dev.logsagent.config;

import dev.logsagent.errors.ConfigProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import java.util.Map;

/**
 * Writes {@code DD_*} environment variables over the file's tree, driven by {@link ConfigKeys#ALL}, before
 * binding: an overridden value is then read and validated exactly like one from the file, and its problems
 * name the variable. Empty variables count as unset, as in the Datadog Agent.
 */
final class EnvironmentOverrides {
    private static final JsonMapper JSON = JsonMapper.shared();

    private EnvironmentOverrides() {
    }

    static void apply(ObjectNode root, Map<String, String> env, Locator locator, Diagnostics diagnostics) {
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            for (String name : key.envVars()) {
                String text = env.get(name);
                if (text == null || text.isEmpty()) {
                    continue;
                }
                JsonNode value = toNode(key.envSyntax(), text, name, diagnostics);
                if (value != null) {
                    setAt(root, key.path(), value, locator, name);
                }
                break;
            }
        }
    }

    private static JsonNode toNode(ConfigKey.EnvSyntax syntax, String text, String name, Diagnostics diagnostics) {
        boolean json = syntax == ConfigKey.EnvSyntax.JSON
                || syntax == ConfigKey.EnvSyntax.JSON_OR_WORDS && text.strip().startsWith("[");
        if (!json) {
            return StringNode.valueOf(text);
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            // Only the column: the parser's message quotes the text, which may hold an API key.
            TokenStreamLocation location = e.getLocation();
            diagnostics.error(new ConfigProblem(null, name, 0, 0, "not valid JSON"
                    + (location == null ? "" : " (error at column " + location.getColumnNr() + ")")));
            return null;
        }
    }

    /** Sets the value, creating sections on the way; a section the file holds as a non-mapping is left alone. */
    private static void setAt(ObjectNode root, String path, JsonNode value, Locator locator, String envVar) {
        String[] names = path.split("\\.");
        ObjectNode parent = root;
        JsonPointer pointer = JsonPointer.empty();
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = parent.get(names[i]);
            if (child == null || child.isNull()) {
                child = parent.putObject(names[i]);
            } else if (!child.isObject()) {
                return;
            }
            parent = (ObjectNode) child;
            pointer = pointer.appendProperty(names[i]);
        }
        String last = names[names.length - 1];
        parent.set(last, value);
        locator.overriddenByEnv(pointer.appendProperty(last), path, envVar);
    }
}
