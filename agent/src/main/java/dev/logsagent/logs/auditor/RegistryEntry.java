package dev.logsagent.logs.auditor;

import java.time.Instant;
import java.util.Objects;

/**
 * How far one input has been delivered.
 *
 * @param offset      where to resume: a byte offset for files, a cursor for journald, a timestamp for containers
 * @param lastUpdated when this position was last committed; entries older than the TTL expire
 * @param tailingMode the source's start position when committed ({@code beginning}, {@code end} ...), or null
 * @param fingerprint identifies the file generation the offset belongs to, or null when unknown
 */
public record RegistryEntry(String offset, Instant lastUpdated, String tailingMode, String fingerprint) {
    public RegistryEntry {
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
    }
}
