package dev.logsagent.autodiscovery.listeners.docker;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What {@code GET /containers/{id}/json} tells the agent about one container: enough to find its log file,
 * match it to autodiscovery templates and tag its logs.
 *
 * @param name        without the leading slash
 * @param image       {@code Config.Image}: the image as the container was started with it
 * @param imageId     the image's ID ({@code sha256:...})
 * @param labels      {@code Config.Labels}
 * @param env         {@code Config.Env} split at the first {@code =}; a variable without one maps to ""
 * @param logPath     the json-file log, "" when the log driver writes none
 * @param ipAddresses IPv4 address per network name; daemons without per-network settings give their single
 *                    address under {@code bridge}; networks without an address are left out
 * @param exposedPorts the container's ports, from {@code Config.ExposedPorts} and
 *                    {@code NetworkSettings.Ports}, sorted, each once
 * @param pid         the main process's PID on the host, 0 when not running
 * @param created     {@link Instant#EPOCH} when the daemon does not say
 */
public record ContainerInfo(String id, String name, String image, String imageId, Map<String, String> labels,
                            Map<String, String> env, String logPath, boolean running, int exitCode,
                            String hostname, Map<String, String> ipAddresses, List<Integer> exposedPorts,
                            long pid, Instant created) {

    public ContainerInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(imageId, "imageId");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        Objects.requireNonNull(logPath, "logPath");
        Objects.requireNonNull(hostname, "hostname");
        ipAddresses = Collections.unmodifiableMap(new LinkedHashMap<>(ipAddresses));
        exposedPorts = List.copyOf(exposedPorts);
        Objects.requireNonNull(created, "created");
    }

    static ContainerInfo fromJson(JsonNode node) {
        JsonNode config = node.path("Config");
        JsonNode state = node.path("State");
        return new ContainerInfo(
                JsonFields.text(node, "Id"),
                JsonFields.withoutLeadingSlash(JsonFields.text(node, "Name")),
                JsonFields.text(config, "Image"),
                JsonFields.text(node, "Image"),
                JsonFields.stringMap(config.path("Labels")),
                env(config.path("Env")),
                JsonFields.text(node, "LogPath"),
                JsonFields.bool(state, "Running"),
                (int) JsonFields.number(state, "ExitCode", 0),
                JsonFields.text(config, "Hostname"),
                ipAddresses(node.path("NetworkSettings")),
                exposedPorts(config.path("ExposedPorts"), node.path("NetworkSettings").path("Ports")),
                JsonFields.number(state, "Pid", 0),
                created(JsonFields.text(node, "Created")));
    }

    private static Map<String, String> env(JsonNode array) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String variable : JsonFields.stringList(array)) {
            int equals = variable.indexOf('=');
            if (equals < 0) {
                env.put(variable, "");
            } else {
                env.put(variable.substring(0, equals), variable.substring(equals + 1));
            }
        }
        return env;
    }

    private static Map<String, String> ipAddresses(JsonNode networkSettings) {
        Map<String, String> addresses = new LinkedHashMap<>();
        JsonNode networks = networkSettings.path("Networks");
        if (networks.isObject()) {
            for (Map.Entry<String, JsonNode> network : networks.properties()) {
                String address = JsonFields.text(network.getValue(), "IPAddress");
                if (!address.isEmpty()) {
                    addresses.put(network.getKey(), address);
                }
            }
        }
        String legacy = JsonFields.text(networkSettings, "IPAddress");
        if (addresses.isEmpty() && !networks.isObject() && !legacy.isEmpty()) {
            addresses.put("bridge", legacy);
        }
        return addresses;
    }

    /** Keys look like {@code 8080/tcp}; ranges are expanded by the daemon, so each key is one port. */
    private static List<Integer> exposedPorts(JsonNode exposed, JsonNode published) {
        TreeSet<Integer> ports = new TreeSet<>();
        for (JsonNode object : List.of(exposed, published)) {
            if (object.isObject()) {
                for (String key : object.propertyNames()) {
                    int slash = key.indexOf('/');
                    String number = slash >= 0 ? key.substring(0, slash) : key;
                    try {
                        ports.add(Integer.parseInt(number));
                    } catch (NumberFormatException e) {
                        // not a port the agent could connect to: nothing to expose
                    }
                }
            }
        }
        return List.copyOf(ports);
    }

    private static Instant created(String text) {
        if (text.isEmpty()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
