package dev.logsagent.api;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/** Lets a request through only with {@code Authorization: Bearer <token>}; answers 401 otherwise. */
final class BearerTokenFilter extends Filter {
    private static final String PREFIX = "Bearer ";

    private final AuthToken token;

    BearerTokenFilter(AuthToken token) {
        this.token = token;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && token.matches(header.substring(PREFIX.length()).strip())) {
            chain.doFilter(exchange);
            return;
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        JsonResponse.error(exchange, 401, header == null
                ? "missing Authorization header: send 'Bearer <token>' with the token of run_path/auth_token"
                : "wrong auth token: use the token of this agent's run_path/auth_token");
    }

    @Override
    public String description() {
        return "bearer token check";
    }
}
