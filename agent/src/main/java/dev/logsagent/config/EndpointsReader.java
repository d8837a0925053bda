package dev.logsagent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code logs_config.additional_endpoints}. Keys match regardless of case because the Datadog Agent's
 * own documentation writes them {@code Host} and {@code Port}.
 */
final class EndpointsReader implements ValueReader<List<EndpointConfig>> {
    private static final Set<String> KEYS = Set.of("api_key", "host", "port", "use_ssl", "is_reliable");
    private static final ValueReader<String> TEXT = ValueReaders.string();
    private static final ValueReader<Integer> PORT = ValueReaders.integer(1, 65535);
    private static final ValueReader<Boolean> BOOL = ValueReaders.bool();

    @Override
    public List<EndpointConfig> read(ConfigNode node) {
        if (!node.expectList()) {
            return null;
        }
        List<EndpointConfig> endpoints = new ArrayList<>();
        boolean valid = true;
        for (ConfigNode element : node.elements()) {
            EndpointConfig endpoint = readEndpoint(element);
            if (endpoint == null) {
                valid = false;
            } else {
                endpoints.add(endpoint);
            }
        }
        return valid ? List.copyOf(endpoints) : null;
    }

    private static EndpointConfig readEndpoint(ConfigNode entry) {
        if (entry.isAbsent()) {
            entry.error("expected an endpoint, got an empty entry");
            return null;
        }
        if (!entry.expectMapping()) {
            return null;
        }
        for (String name : entry.fieldNames()) {
            if (!KEYS.contains(name.toLowerCase(Locale.ROOT))) {
                entry.field(name).warn("unknown key, ignored");
            }
        }
        String apiKey = entry.fieldIgnoringCase("api_key").read(TEXT);
        String host = entry.fieldIgnoringCase("host").require(TEXT, "host is required");
        ConfigNode useSslNode = entry.fieldIgnoringCase("use_ssl");
        Boolean useSsl = useSslNode.isAbsent() ? Boolean.TRUE : useSslNode.read(BOOL);
        ConfigNode reliableNode = entry.fieldIgnoringCase("is_reliable");
        Boolean reliable = reliableNode.isAbsent() ? Boolean.TRUE : reliableNode.read(BOOL);
        ConfigNode portNode = entry.fieldIgnoringCase("port");
        Integer port = portNode.isAbsent() ? Integer.valueOf(Boolean.FALSE.equals(useSsl) ? 80 : 443)
                : portNode.read(PORT);
        if (host == null || useSsl == null || reliable == null || port == null) {
            return null;
        }
        return new EndpointConfig(apiKey, host, port, useSsl, reliable);
    }
}
