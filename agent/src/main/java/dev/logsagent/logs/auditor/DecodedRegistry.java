package dev.logsagent.logs.auditor;

import java.util.List;
import java.util.Map;

/**
 * What a registry file held.
 *
 * @param version  the file's format version
 * @param entries  the usable entries by identifier
 * @param problems one line per entry that was dropped because it could not be understood
 */
record DecodedRegistry(int version, Map<String, RegistryEntry> entries, List<String> problems) {
}
