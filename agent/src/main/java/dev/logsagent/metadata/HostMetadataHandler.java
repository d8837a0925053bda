package dev.logsagent.metadata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Answers {@code GET} {@value HostMetadata#PATH} on the local API with the metadata as JSON. */
public final class HostMetadataHandler implements HttpHandler {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final HostMetadata metadata;

    public HostMetadataHandler(HostMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        int status = 200;
        Object body;
        if ("GET".equals(exchange.getRequestMethod())) {
            body = metadata.toMap();
        } else {
            status = 405;
            exchange.getResponseHeaders().set("Allow", "GET");
            body = Map.of("error", exchange.getRequestMethod() + " not allowed, use GET");
        }
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
