package dev.meshwalk.localcloud.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The REST paths of restJson1 services, one row per operation: method, path, signing name, operation.
 * X-Ray's four operations are the default table; other REST services extend it with {@link #with}.
 * Only literal paths are supported (the X-Ray operations bind nothing to the URI).
 */
public final class RestJsonRoutes {

    /** One operation's address. */
    public record Route(String method, String path, String signingName, String operation) {
    }

    private final List<Route> routes;

    private RestJsonRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static RestJsonRoutes none() {
        return new RestJsonRoutes(List.of());
    }

    /** X-Ray's operations as the local cloud serves them. */
    public static RestJsonRoutes xray() {
        return none()
                .with("POST", "/ServiceGraph", "xray", "GetServiceGraph")
                .with("POST", "/TraceSegments", "xray", "PutTraceSegments")
                .with("POST", "/TraceSummaries", "xray", "GetTraceSummaries")
                .with("POST", "/Traces", "xray", "BatchGetTraces");
    }

    /** A copy with one more route. */
    public RestJsonRoutes with(String method, String path, String signingName, String operation) {
        List<Route> more = new ArrayList<>(routes);
        more.add(new Route(method, path, signingName, operation));
        return new RestJsonRoutes(more);
    }

    /** Any route on this path, whatever its method (to tell "wrong method" from "no such path"). */
    public Optional<Route> onPath(String path) {
        return routes.stream().filter(r -> r.path().equals(normalise(path))).findFirst();
    }

    public Optional<Route> find(String method, String path) {
        return routes.stream().filter(r -> r.path().equals(normalise(path)) && r.method().equals(method)).findFirst();
    }

    private static String normalise(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
