package dev.meshwalk.localcloud.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST paths of restJson1 services, one row per operation: method, path template, signing name, operation,
 * and the output member that is the whole body (the model's {@code payload}, e.g. App Mesh's {@code route}), if
 * any. A {@code {label}} segment matches any one path segment and binds it to the input member of that name
 * (App Mesh's {@code /v20190125/meshes/{meshName}}); literal paths (X-Ray's) match only themselves.
 */
public final class RestJsonRoutes {

    /** One operation's address. */
    public record Route(String method, String path, String signingName, String operation, String payload) {

        /** The URI labels this route binds from {@code path}, or empty when the path is not this route's. */
        Optional<Map<String, String>> bind(String requestPath) {
            String[] template = segments(path);
            String[] actual = segments(requestPath);
            if (template.length != actual.length) {
                return Optional.empty();
            }
            Map<String, String> labels = new LinkedHashMap<>();
            for (int i = 0; i < template.length; i++) {
                String t = template[i];
                if (t.startsWith("{") && t.endsWith("}")) {
                    if (actual[i].isEmpty()) {
                        return Optional.empty();
                    }
                    labels.put(t.substring(1, t.length() - 1), actual[i]);
                } else if (!t.equals(actual[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(labels);
        }

        private static String[] segments(String path) {
            String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return trimmed.split("/", -1);
        }
    }

    private final List<Route> routes;

    private RestJsonRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** Every route, in the order they are matched. */
    public List<Route> routes() {
        return routes;
    }

    public static RestJsonRoutes none() {
        return new RestJsonRoutes(List.of());
    }

    /** Every REST service the local cloud serves: X-Ray and App Mesh. */
    public static RestJsonRoutes standard() {
        return xray().withAll(appMesh());
    }

    /** X-Ray's operations as the local cloud serves them. */
    public static RestJsonRoutes xray() {
        return none()
                .with("POST", "/ServiceGraph", "xray", "GetServiceGraph")
                .with("POST", "/TraceSegments", "xray", "PutTraceSegments")
                .with("POST", "/TraceSummaries", "xray", "GetTraceSummaries")
                .with("POST", "/Traces", "xray", "BatchGetTraces");
    }

    /** App Mesh's read operations and the two updates, at the paths of its 2019-01-25 model. */
    public static RestJsonRoutes appMesh() {
        String mesh = "/v20190125/meshes/{meshName}";
        String node = mesh + "/virtualNodes/{virtualNodeName}";
        String route = mesh + "/virtualRouter/{virtualRouterName}/routes/{routeName}";
        return none()
                .with("GET", "/v20190125/meshes", "appmesh", "ListMeshes")
                .with("GET", mesh, "appmesh", "DescribeMesh", "mesh")
                .with("GET", mesh + "/virtualNodes", "appmesh", "ListVirtualNodes")
                .with("GET", node, "appmesh", "DescribeVirtualNode", "virtualNode")
                .with("PUT", node, "appmesh", "UpdateVirtualNode", "virtualNode")
                .with("GET", mesh + "/virtualServices", "appmesh", "ListVirtualServices")
                .with("GET", mesh + "/virtualServices/{virtualServiceName}", "appmesh", "DescribeVirtualService",
                        "virtualService")
                .with("GET", mesh + "/virtualRouters", "appmesh", "ListVirtualRouters")
                .with("GET", mesh + "/virtualRouters/{virtualRouterName}", "appmesh", "DescribeVirtualRouter",
                        "virtualRouter")
                .with("GET", mesh + "/virtualRouter/{virtualRouterName}/routes", "appmesh", "ListRoutes")
                .with("GET", route, "appmesh", "DescribeRoute", "route")
                .with("PUT", route, "appmesh", "UpdateRoute", "route");
    }

    /** A copy with one more route whose output is a JSON object of members. */
    public RestJsonRoutes with(String method, String path, String signingName, String operation) {
        return with(method, path, signingName, operation, null);
    }

    /** A copy with one more route whose body is the output member {@code payload}. */
    public RestJsonRoutes with(String method, String path, String signingName, String operation, String payload) {
        List<Route> more = new ArrayList<>(routes);
        more.add(new Route(method, path, signingName, operation, payload));
        return new RestJsonRoutes(more);
    }

    /** A copy with another table's routes after these. */
    public RestJsonRoutes withAll(RestJsonRoutes other) {
        List<Route> more = new ArrayList<>(routes);
        more.addAll(other.routes);
        return new RestJsonRoutes(more);
    }

    /** Any route on this path, whatever its method (to tell "wrong method" from "no such path"). */
    public Optional<Route> onPath(String path) {
        return routes.stream().filter(r -> r.bind(path).isPresent()).findFirst();
    }

    public Optional<Route> find(String method, String path) {
        return routes.stream().filter(r -> r.method().equals(method) && r.bind(path).isPresent()).findFirst();
    }

    /** The route of an operation, to know how its output goes on the wire. */
    Optional<Route> ofOperation(String signingName, String operation) {
        return routes.stream().filter(r -> r.signingName().equals(signingName) && r.operation().equals(operation))
                .findFirst();
    }
}
