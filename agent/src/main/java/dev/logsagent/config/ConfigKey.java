package dev.logsagent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One known key of the main config file: where it sits, how it is read, its default, and the environment
 * variables that override it.
 *
 * @param path         dotted path from the top of the file ({@code logs_config.batch_wait})
 * @param defaultValue used when the key is absent, or present with no value
 * @param envSyntax    how the text of an environment variable becomes a value of the tree
 * @param envVars      checked in order; the first one set wins over the file
 */
record ConfigKey<T>(String path, ValueReader<T> reader, T defaultValue, EnvSyntax envSyntax, List<String> envVars) {

    /** How an environment variable's text is turned into what the file would hold. */
    enum EnvSyntax {
        /** Taken as a string; readers of numbers and booleans parse it. */
        TEXT,
        /** A JSON list, or else words separated by spaces ({@code DD_TAGS="a:b c:d"}). */
        JSON_OR_WORDS,
        /** A JSON list or object. */
        JSON
    }

    ConfigKey {
        envVars = List.copyOf(envVars);
    }

    /** A key overridden by {@code DD_<PATH>}, path upper-cased with {@code .} as {@code _}. */
    static <T> ConfigKey<T> of(String path, ValueReader<T> reader, T defaultValue) {
        return new ConfigKey<>(path, reader, defaultValue, EnvSyntax.TEXT,
                List.of("DD_" + path.toUpperCase(Locale.ROOT).replace('.', '_')));
    }

    ConfigKey<T> withEnvSyntax(EnvSyntax syntax) {
        return new ConfigKey<>(path, reader, defaultValue, syntax, envVars);
    }

    /** Also overridden by {@code name}, checked after the {@code DD_} variable. */
    ConfigKey<T> alsoFromEnv(String name) {
        List<String> names = new ArrayList<>(envVars);
        names.add(name);
        return new ConfigKey<>(path, reader, defaultValue, envSyntax, names);
    }
}
