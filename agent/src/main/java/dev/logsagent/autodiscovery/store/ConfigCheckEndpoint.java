package dev.logsagent.autodiscovery.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Supplier;

/** Serves {@value #PATH} on the local API: a fresh {@link ConfigCheck} as JSON on every {@code GET}. */
public final class ConfigCheckEndpoint implements HttpHandler {
    public static final String PATH = "/agent/configcheck";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Supplier<ConfigCheck> check;

    public ConfigCheckEndpoint(Supplier<ConfigCheck> check) {
        this.check = check;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            send(exchange, 405, Map.of("error", exchange.getRequestMethod() + " not allowed, use GET"));
            return;
        }
        send(exchange, 200, check.get());
    }

    private static void send(HttpExchange exchange, int code, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
