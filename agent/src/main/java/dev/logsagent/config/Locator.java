package dev.logsagent.config;

import dev.logsagent.errors.ConfigProblem;
import tools.jackson.core.JsonPointer;

import java.util.HashMap;
import java.util.Map;

/**
 * Tells where a value came from: a line and column of the file, or an environment variable that replaced it.
 * A value without a position of its own (a missing key, an element inside an environment JSON value) is placed
 * at its nearest ancestor.
 */
final class Locator {
    private final String file;
    private final Map<String, Position> positions;
    private final Map<String, EnvOverride> envOverrides = new HashMap<>();

    /**
     * @param file      named in each problem: a file path or another origin (a container label ...); may be null
     * @param positions keyed by JSON pointer ({@code /logs_config/batch_wait})
     */
    Locator(String file, Map<String, Position> positions) {
        this.file = file;
        this.positions = Map.copyOf(positions);
    }

    String file() {
        return file;
    }

    /** From now on, problems at or below {@code pointer} name {@code envVar} instead of a line of the file. */
    void overriddenByEnv(JsonPointer pointer, String keyPath, String envVar) {
        envOverrides.put(pointer.toString(), new EnvOverride(envVar, keyPath));
    }

    ConfigProblem locate(JsonPointer pointer, String keyPath, String message) {
        for (JsonPointer p = pointer; p != null; p = p.head()) {
            EnvOverride env = envOverrides.get(p.toString());
            if (env != null) {
                return new ConfigProblem(null, env.envVar() + keyPath.substring(env.keyPath().length()), 0, 0,
                        message);
            }
        }
        for (JsonPointer p = pointer; p != null; p = p.head()) {
            Position position = positions.get(p.toString());
            if (position != null) {
                return new ConfigProblem(file, keyPath, position.line(), position.column(), message);
            }
        }
        return new ConfigProblem(file, keyPath, 0, 0, message);
    }

    /** 1-based line and column of a key, or of an array element's first token. */
    record Position(int line, int column) {
    }

    private record EnvOverride(String envVar, String keyPath) {
    }
}
