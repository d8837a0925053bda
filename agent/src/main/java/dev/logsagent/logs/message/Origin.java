package dev.logsagent.logs.message;

import dev.logsagent.logs.sources.LogSource;

/**
 * Where a message came from and how far its input will have been consumed once it is delivered.
 *
 * @param input  the input generation it was read from
 * @param offset the input position just after this message (bytes for files), so that storing it after delivery
 *               never re-reads nor skips the message
 */
public record Origin(LogSource source, InputIdentity input, long offset) {

    /** The input's registry key, e.g. {@code file:/var/log/app.log}. */
    public String identifier() {
        return input.identifier();
    }
}
