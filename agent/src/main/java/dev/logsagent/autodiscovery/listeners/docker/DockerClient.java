package dev.logsagent.autodiscovery.listeners.docker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A small client of the Docker Engine API over its unix socket (or TCP): lists and inspects containers and
 * follows container events. One connection per request, so it needs no pool and is safe from any thread.
 *
 * <p>The API version is negotiated once, on first use: the daemon's own {@code ApiVersion} from
 * {@code GET /version}, or {@value #DEFAULT_API_VERSION} when the daemon does not say.
 */
public final class DockerClient {
    /** The version the agent falls back to; every daemon still in use speaks it. */
    public static final String DEFAULT_API_VERSION = "1.24";
    private static final Logger LOG = LoggerFactory.getLogger(DockerClient.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final String CONTAINER_EVENTS = "{\"type\":[\"container\"]}";

    private final DockerHost host;
    private final Duration timeout;
    private final ObjectMapper mapper = JsonMapper.builder().build();
    private volatile String apiVersion;

    /** A client with a 10 s timeout. */
    public DockerClient(String dockerHost) {
        this(dockerHost, DEFAULT_TIMEOUT);
    }

    /**
     * @param dockerHost {@code unix:///var/run/docker.sock} or {@code tcp://host:port}
     * @param timeout    bounds connecting and each wait for the daemon's answer (not the wait between events)
     * @throws IllegalArgumentException when {@code dockerHost} is neither
     */
    public DockerClient(String dockerHost, Duration timeout) {
        this.host = DockerHost.parse(dockerHost);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("docker timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
    }

    /** The API version in use, as in {@code 1.43}; asks the daemon the first time. */
    public String apiVersion() throws IOException {
        String known = apiVersion;
        if (known == null) {
            synchronized (this) {
                if (apiVersion == null) {
                    apiVersion = negotiate();
                }
                known = apiVersion;
            }
        }
        return known;
    }

    /** The running containers ({@code GET /containers/json}). */
    public List<ContainerSummary> listContainers() throws IOException {
        String target = versioned("/containers/json");
        JsonNode array = getJson(target);
        if (!array.isArray()) {
            throw new IOException("docker answered GET " + target + " with " + array.getNodeType()
                    + " where a JSON array was expected");
        }
        List<ContainerSummary> containers = new ArrayList<>(array.size());
        for (JsonNode container : array) {
            containers.add(ContainerSummary.fromJson(container));
        }
        return List.copyOf(containers);
    }

    /**
     * One container ({@code GET /containers/{id}/json}), by ID, ID prefix or name.
     *
     * @throws DockerApiException with status 404 when the daemon knows no such container
     */
    public ContainerInfo inspect(String id) throws IOException {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("container id is empty");
        }
        String target = versioned("/containers/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/json");
        JsonNode container = getJson(target);
        if (!container.isObject()) {
            throw new IOException("docker answered GET " + target + " with " + container.getNodeType()
                    + " where a JSON object was expected");
        }
        return ContainerInfo.fromJson(container);
    }

    /**
     * Follows container events from {@code since} on ({@code GET /events}, filtered on type container): the
     * daemon first replays the events it still holds since then, then streams new ones. Returns once the
     * daemon has accepted the subscription; events reach {@code consumer} on the stream's own thread.
     *
     * @param since where to start; pass the last stream's {@link EventStream#resumeFrom()} to reconnect
     * @throws DockerApiException when the daemon refuses the subscription
     */
    public EventStream events(Instant since, Consumer<DockerEvent> consumer) throws IOException {
        Objects.requireNonNull(since, "since");
        if (since.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("events since " + since + ": before the epoch");
        }
        Objects.requireNonNull(consumer, "consumer");
        String target = versioned("/events?since=" + sinceParameter(since)
                + "&filters=" + URLEncoder.encode(CONTAINER_EVENTS, StandardCharsets.UTF_8));
        DockerConnection connection = DockerConnection.open(host, timeout);
        try {
            DockerResponse response = connection.get(target);
            if (response.status() != 200) {
                throw error(target, response);
            }
            connection.readTimeout(Duration.ZERO);
            return EventStream.start(connection, response.body(), mapper.readerFor(JsonNode.class), since, consumer,
                    host.uri());
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private String negotiate() throws IOException {
        try (DockerConnection connection = DockerConnection.open(host, timeout);
             DockerResponse response = connection.get("/version")) {
            if (response.status() == 200) {
                String version = JsonFields.text(readJson(response.body(), "/version"), "ApiVersion");
                if (isVersion(version)) {
                    LOG.debug("docker at {} speaks API {}", host.uri(), version);
                    return version;
                }
            }
            LOG.info("docker at {} did not tell its API version (HTTP {}); using {}", host.uri(),
                    response.status(), DEFAULT_API_VERSION);
            return DEFAULT_API_VERSION;
        }
    }

    private String versioned(String pathAndQuery) throws IOException {
        return "/v" + apiVersion() + pathAndQuery;
    }

    private JsonNode getJson(String target) throws IOException {
        try (DockerConnection connection = DockerConnection.open(host, timeout);
             DockerResponse response = connection.get(target)) {
            if (response.status() != 200) {
                throw error(target, response);
            }
            return readJson(response.body(), target);
        }
    }

    private JsonNode readJson(InputStream body, String target) throws IOException {
        try {
            return mapper.readTree(body);
        } catch (JacksonIOException e) {
            throw e.getCause();
        } catch (JacksonException e) {
            throw new IOException("docker answered GET " + target + " with malformed JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The daemon's errors are {@code {"message": "..."}}; anything else is quoted as it came. */
    private DockerApiException error(String target, DockerResponse response) throws IOException {
        String text = response.bodyText();
        String message = text;
        if (text.startsWith("{")) {
            try {
                String fromJson = JsonFields.text(mapper.readTree(text), "message");
                message = fromJson.isEmpty() ? text : fromJson;
            } catch (JacksonException e) {
                message = text;
            }
        }
        return new DockerApiException("GET " + target, response.status(), message);
    }

    /** Seconds and nanoseconds, which the daemon compares to its events' {@code timeNano}. */
    private static String sinceParameter(Instant since) {
        return since.getEpochSecond() + "." + String.format("%09d", since.getNano());
    }

    /** Only {@code major.minor} digits go into request paths. */
    private static boolean isVersion(String version) {
        int dot = version.indexOf('.');
        if (dot <= 0 || dot == version.length() - 1) {
            return false;
        }
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (i != dot && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
