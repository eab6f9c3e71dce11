package dev.meshwalk.apps.common;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Exact-path routing. The JDK server matches contexts by prefix ("/ping" would also take "/pingpong"),
 * which is not what the seed apps do, so each app registers one root context and routes here.
 */
public final class Routes implements HttpHandler {
    private final Map<String, HttpHandler> byPath;
    private final HttpHandler fallback;

    private Routes(Map<String, HttpHandler> byPath, HttpHandler fallback) {
        this.byPath = Map.copyOf(byPath);
        this.fallback = fallback;
    }

    /** The route a path is served by: the path itself when registered, {@code *} for the fallback. */
    public String routeOf(String path) {
        return byPath.containsKey(path) ? path : "*";
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = Optional.ofNullable(exchange.getRequestURI().getPath()).orElse("/");
            byPath.getOrDefault(path, fallback).handle(exchange);
        }
    }

    /** Collects the app's paths; anything unmatched goes to the fallback (404 unless replaced). */
    public static final class Builder {
        private final Map<String, HttpHandler> byPath = new LinkedHashMap<>();
        private HttpHandler fallback = exchange -> Exchanges.sendText(exchange, 404, "404 - Not Found");

        public Builder on(String path, HttpHandler handler) {
            byPath.put(path, handler);
            return this;
        }

        public Builder otherwise(HttpHandler handler) {
            this.fallback = handler;
            return this;
        }

        public Routes build() {
            return new Routes(byPath, fallback);
        }
    }
}
