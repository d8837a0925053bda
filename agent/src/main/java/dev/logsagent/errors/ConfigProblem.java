package dev.logsagent.errors;

/**
 * One thing wrong with a configuration, with where it is.
 *
 * @param file    the file it is in; null for environment variables and defaults
 * @param keyPath the key it is about, e.g. {@code logs_config.batch_wait} or {@code logs[0].path}; may be null
 * @param line    1-based line in the file, 0 when unknown
 * @param column  1-based column, 0 when unknown
 */
public record ConfigProblem(String file, String keyPath, int line, int column, String message) {

    /** {@code file:line:column: key: message}, leaving out the parts that are unknown. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file);
            if (line > 0) {
                out.append(':').append(line);
                if (column > 0) {
                    out.append(':').append(column);
                }
            }
            out.append(": ");
        }
        if (keyPath != null && !keyPath.isEmpty()) {
            out.append(keyPath).append(": ");
        }
        return out.append(message).toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
