package dev.logsagent.logs.auditor;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The JSON of {@code registry.json}, as the Datadog Agent writes it, so that either agent can pick up the
 * other's registry.
 *
 * <p>Version 2, written and read: {@code {"Version": 2, "Registry": {"<identifier>": {"LastUpdated":
 * "<RFC 3339>", "Offset": "<string>", "TailingMode": "<mode>"}}}}. Versions 1 and 0, which older Datadog
 * Agents wrote, are read and migrated the way the Datadog Agent does. Fields this agent does not use
 * ({@code IngestionTimestamp}, the Datadog Agent's own {@code Fingerprint} object) are ignored and not written.
 *
 * <p>Our file-generation fingerprint is written as {@value #FINGERPRINT}: the Datadog Agent's
 * {@code Fingerprint} field holds an object, and a string under that name would make it reject the whole file.
 */
final class RegistryFormat {
    static final int VERSION = 2;
    static final String FINGERPRINT = "LogsAgentFingerprint";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RegistryFormat() {
    }

    static byte[] encode(SortedMap<String, RegistryEntry> entries) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("Version", VERSION);
        ObjectNode registry = root.putObject("Registry");
        entries.forEach((identifier, entry) -> {
            ObjectNode node = registry.putObject(identifier);
            node.put("LastUpdated", entry.lastUpdated().toString());
            node.put("Offset", entry.offset());
            if (entry.tailingMode() != null) {
                node.put("TailingMode", entry.tailingMode());
            }
            if (entry.fingerprint() != null) {
                node.put(FINGERPRINT, entry.fingerprint());
            }
        });
        return MAPPER.writeValueAsBytes(root);
    }

    /** Reads a whole file; an entry that cannot be understood is dropped and named in the problems. */
    static DecodedRegistry decode(byte[] json) throws UnreadableRegistryException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new UnreadableRegistryException("not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new UnreadableRegistryException("the file is empty");
        }
        if (!root.isObject()) {
            throw new UnreadableRegistryException("not a JSON object");
        }
        JsonNode version = root.get("Version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new UnreadableRegistryException("it has no Version number");
        }
        JsonNode registry = root.get("Registry");
        if (registry != null && !registry.isNull() && !registry.isObject()) {
            throw new UnreadableRegistryException("\"Registry\" is not a JSON object");
        }
        int v = version.intValue();
        if (v < 0 || v > VERSION) {
            throw new UnreadableRegistryException("Version " + v + " is not supported, only 0 to " + VERSION);
        }
        Map<String, RegistryEntry> entries = new HashMap<>();
        List<String> problems = new ArrayList<>();
        // The Datadog Agent writes a registry it never filled as "Registry": null.
        if (registry != null && registry.isObject()) {
            for (Map.Entry<String, JsonNode> property : registry.properties()) {
                String identifier = property.getKey();
                try {
                    switch (v) {
                        case 2 -> entries.put(identifier, decodeV2(property.getValue()));
                        case 1 -> decodeV1(property.getValue()).ifPresent(e -> entries.put(identifier, e));
                        default -> decodeV0(property.getValue()).ifPresent(e -> entries.put("file:" + identifier, e));
                    }
                } catch (UnreadableRegistryException e) {
                    problems.add("entry \"" + identifier + "\" was dropped: " + e.getMessage());
                }
            }
        }
        return new DecodedRegistry(v, entries, problems);
    }

    private static RegistryEntry decodeV2(JsonNode node) throws UnreadableRegistryException {
        requireObject(node);
        JsonNode offset = node.get("Offset");
        if (offset == null || !(offset.isString() || offset.isIntegralNumber())) {
            throw new UnreadableRegistryException("it has no \"Offset\"");
        }
        return new RegistryEntry(offset.asString(), time(node, "LastUpdated"),
                optionalString(node, "TailingMode"), optionalString(node, FINGERPRINT));
    }

    /** Version 1 kept file offsets as numbers and container positions as a separate "Timestamp" string. */
    private static Optional<RegistryEntry> decodeV1(JsonNode node) throws UnreadableRegistryException {
        requireObject(node);
        long offset = number(node, "Offset");
        String timestamp = optionalString(node, "Timestamp");
        if (offset > 0) {
            return Optional.of(new RegistryEntry(Long.toString(offset), time(node, "LastUpdated"), null, null));
        }
        if (timestamp != null && !timestamp.isEmpty()) {
            return Optional.of(new RegistryEntry(timestamp, time(node, "LastUpdated"), null, null));
        }
        return Optional.empty();
    }

    /** Version 0 kept only file offsets, keyed by bare path, with the update time in "Timestamp". */
    private static Optional<RegistryEntry> decodeV0(JsonNode node) throws UnreadableRegistryException {
        requireObject(node);
        long offset = number(node, "Offset");
        if (offset > 0) {
            return Optional.of(new RegistryEntry(Long.toString(offset), time(node, "Timestamp"), null, null));
        }
        return Optional.empty();
    }

    private static void requireObject(JsonNode node) throws UnreadableRegistryException {
        if (!node.isObject()) {
            throw new UnreadableRegistryException("it is not a JSON object");
        }
    }

    private static Instant time(JsonNode node, String field) throws UnreadableRegistryException {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new UnreadableRegistryException("it has no \"" + field + "\" time");
        }
        try {
            return Instant.parse(value.stringValue());
        } catch (DateTimeParseException e) {
            throw new UnreadableRegistryException(
                    "\"" + field + "\" is not an RFC 3339 time: \"" + value.stringValue() + "\"");
        }
    }

    private static long number(JsonNode node, String field) throws UnreadableRegistryException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new UnreadableRegistryException("\"" + field + "\" is not a whole number");
        }
        return value.longValue();
    }

    private static String optionalString(JsonNode node, String field) throws UnreadableRegistryException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new UnreadableRegistryException("\"" + field + "\" is not a string");
        }
        return value.stringValue();
    }
}
