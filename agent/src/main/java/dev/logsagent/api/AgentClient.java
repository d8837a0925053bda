package dev.logsagent.api;

import dev.logsagent.config.AgentConfig;
import dev.logsagent.errors.TransportException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Talks to a running agent's local API, for the CLI. Every failure is a {@link TransportException} with a clear
 * message.
 */
public final class AgentClient implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final AuthToken token;
    private final String address;
    private final URI base;

    public AgentClient(String host, int port, AuthToken token) {
        this.token = token;
        this.address = host + ":" + port;
        this.base = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /** A client for the agent running with this config: its {@code cmd_host}, {@code cmd_port} and token. */
    public static AgentClient of(AgentConfig config) {
        return new AgentClient(config.cmdHost(), config.cmdPort(), AuthToken.read(config.runPath()));
    }

    /** The body of a {@code GET path}, which must answer 200. */
    public String get(String path) throws InterruptedException {
        HttpRequest request = request(path).timeout(ANSWER_TIMEOUT).build();
        HttpResponse<String> response = send(path, request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw refused(path, response.statusCode(), response.body());
        }
        return response.body();
    }

    /**
     * Reads a streamed answer line by line, as the lines come, until the agent ends it.
     *
     * @param query parameters, left out when null or blank
     */
    public void stream(String path, Map<String, String> query, Consumer<String> lines) throws InterruptedException {
        String target = path + query(query);
        HttpResponse<Stream<String>> response = send(target, request(target).build(),
                HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> body = response.body()) {
            if (response.statusCode() != 200) {
                throw refused(target, response.statusCode(), body.collect(Collectors.joining("\n")));
            }
            body.forEach(lines);
        } catch (UncheckedIOException e) {
            throw TransportException.network("lost the connection to the agent on " + address + ": "
                    + e.getCause().getMessage(), e);
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", token.bearerHeader()).GET();
    }

    private <T> HttpResponse<T> send(String path, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws InterruptedException {
        try {
            return http.send(request, handler);
        } catch (ConnectException e) {
            throw TransportException.network("the agent is not running on " + address + " (connection refused)", e);
        } catch (HttpConnectTimeoutException e) {
            throw TransportException.network("the agent on " + address + " does not answer (connection timed out)", e);
        } catch (IOException e) {
            throw TransportException.network("cannot reach the agent on " + address + " for " + path + ": "
                    + e.getMessage(), e);
        }
    }

    private TransportException refused(String path, int status, String body) {
        String hint = status == 401 ? " (is the token in run_path/auth_token from this agent?)" : "";
        return new TransportException("the agent on " + address + " answered " + status + " to " + path + hint + ": "
                + body.strip(), status, false, null);
    }

    private static String query(Map<String, String> query) {
        String joined = query.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return joined.isEmpty() ? "" : "?" + joined;
    }
}
