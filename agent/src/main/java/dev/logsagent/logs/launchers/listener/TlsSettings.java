package dev.logsagent.logs.launchers.listener;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The {@code tls} mapping of a {@code tcp} source: PEM files.
 *
 * @param cert the server certificate, then any intermediates
 * @param key  the server's private key, PKCS#8 ({@code BEGIN PRIVATE KEY})
 * @param ca   CA certificates that sign client certificates; when set, every client must present one; null = none
 */
public record TlsSettings(Path cert, Path key, Path ca) {
    private static final Set<String> KEYS = Set.of("cert", "key", "ca");

    /** Reads the mapping as written in the source; a missing or unknown key is refused with its name. */
    static TlsSettings of(Map<String, Object> tls) {
        for (String name : tls.keySet()) {
            if (!KEYS.contains(name)) {
                throw new IllegalArgumentException("tls." + name + ": unknown key (expected cert, key and ca)");
            }
        }
        return new TlsSettings(path(tls, "cert", true), path(tls, "key", true), path(tls, "ca", false));
    }

    private static Path path(Map<String, Object> tls, String name, boolean required) {
        Object value = tls.get(name);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException("tls." + name + " is required: a PEM file path");
            }
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("tls." + name + ": expected a PEM file path, got '" + value + "'");
        }
        return Path.of(text);
    }
}
