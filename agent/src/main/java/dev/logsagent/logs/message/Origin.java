package dev.logsagent.logs.message;

import dev.logsagent.logs.sources.LogSource;

/**
 * Where a message came from and how far its input will have been consumed once it is delivered.
 *
 * @param input    the input generation it was read from
 * @param offset   the input position just after this message (bytes for files), so that storing it after delivery
 *                 never re-reads nor skips the message
 * @param position the position to store instead of {@code offset} for inputs that are not read by byte offset (the
 *                 cursor of a journal entry); null for the others
 */
public record Origin(LogSource source, InputIdentity input, long offset, String position) {

    public Origin(LogSource source, InputIdentity input, long offset) {
        this(source, input, offset, null);
    }

    /** The input's registry key, e.g. {@code file:/var/log/app.log}. */
    public String identifier() {
        return input.identifier();
    }

    /** What the registry stores for this input once the message is delivered: the position if any, else the offset. */
    public String registryOffset() {
        return position != null ? position : Long.toString(offset);
    }
}
