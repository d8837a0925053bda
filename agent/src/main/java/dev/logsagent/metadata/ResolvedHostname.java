package dev.logsagent.metadata;

/**
 * The host's name and where it came from, for metadata and troubleshooting.
 *
 * @param source {@code configuration}, {@code DD_HOSTNAME}, {@code kubelet} or {@code os}
 */
public record ResolvedHostname(String name, String source) {
}
