package dev.logsagent.logs.diagnostic;

import dev.logsagent.config.SourceConfig;
import dev.logsagent.logs.sources.LogSource;

/**
 * Which logs a stream-logs client wants, matched on the source a log came from.
 *
 * @param service null or blank matches any service
 * @param source  null or blank matches any source
 * @param type    a source type key ({@code file}, {@code tcp} ...); null or blank matches any type
 */
public record Filter(String service, String source, String type) {
    public static final Filter ANY = new Filter(null, null, null);

    public boolean matches(LogSource logSource) {
        SourceConfig config = logSource.config();
        return accepts(service, config.service()) && accepts(source, config.source())
                && accepts(type, config.type().key());
    }

    private static boolean accepts(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || wanted.equals(actual);
    }
}
