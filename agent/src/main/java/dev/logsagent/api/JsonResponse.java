package dev.logsagent.api;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Writes a whole JSON answer (or a JSON error {@code {"error": "..."}}) and ends the exchange. */
final class JsonResponse {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonResponse() {
    }

    static void send(HttpExchange exchange, int code, Object body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void error(HttpExchange exchange, int code, String message) throws IOException {
        send(exchange, code, Map.of("error", message));
    }
}
