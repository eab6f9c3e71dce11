package dev.meshwalk.localcloud.service.appmesh;

import dev.meshwalk.localcloud.dataplane.mesh.MeshConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an {@code UpdateRoute} / {@code UpdateVirtualNode} spec before anything changes, with App Mesh's errors:
 * {@code BadRequestException} for a malformed spec, {@code NotFoundException} for a weighted target naming a
 * virtual node the mesh does not have. Only what the local mesh proxies run is accepted (HTTP and HTTP/2 routes);
 * the caller applies a spec only after it passed.
 */
final class SpecValidation {

    private static final Set<String> ROUTE_KINDS = Set.of("httpRoute", "http2Route", "grpcRoute", "tcpRoute");
    private static final Set<String> PROTOCOLS = Set.of("http", "http2", "grpc", "tcp");

    private SpecValidation() {
    }

    /** The route spec, checked against the mesh; returned as given when it passes. */
    static Map<String, Object> route(Object specValue, MeshConfig mesh, String account) {
        Map<String, Object> spec = map(specValue, "spec");
        List<String> kinds = spec.keySet().stream().filter(ROUTE_KINDS::contains).toList();
        if (kinds.size() != 1) {
            throw AppMeshErrors.badRequest("A route spec must have exactly one of httpRoute, http2Route, grpcRoute"
                    + " or tcpRoute; this one has " + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
        }
        String kind = kinds.get(0);
        if (!kind.equals("httpRoute") && !kind.equals("http2Route")) {
            throw AppMeshErrors.badRequest(kind + " is not supported by this local cloud's mesh proxies;"
                    + " use httpRoute or http2Route");
        }
        if (spec.get("priority") != null) {
            int priority = integer(spec.get("priority"), "spec.priority");
            if (priority < 0 || priority > 1000) {
                throw AppMeshErrors.badRequest("spec.priority must be between 0 and 1000, not " + priority);
            }
        }
        Map<String, Object> http = map(spec.get(kind), "spec." + kind);
        Map<String, Object> match = map(http.get("match"), "spec." + kind + ".match");
        Object prefix = match.get("prefix");
        if (prefix != null && !String.valueOf(prefix).startsWith("/")) {
            throw AppMeshErrors.badRequest("spec." + kind + ".match.prefix must start with '/', not '" + prefix + "'");
        }
        Map<String, Object> action = map(http.get("action"), "spec." + kind + ".action");
        List<?> targets = action.get("weightedTargets") instanceof List<?> l ? l : List.of();
        if (targets.isEmpty() || targets.size() > 10) {
            throw AppMeshErrors.badRequest("spec." + kind + ".action.weightedTargets needs 1 to 10 targets, not "
                    + targets.size());
        }
        int total = 0;
        for (Object t : targets) {
            Map<String, Object> target = map(t, "a weighted target");
            String node = target.get("virtualNode") instanceof String s && !s.isBlank() ? s : null;
            if (node == null) {
                throw AppMeshErrors.badRequest("Every weighted target needs a virtualNode name");
            }
            int weight = integer(target.get("weight"), "the weight of " + node);
            if (weight < 0 || weight > 100) {
                throw AppMeshErrors.badRequest("The weight of " + node + " must be between 0 and 100, not " + weight);
            }
            if (mesh.node(node).isEmpty()) {
                throw AppMeshErrors.notPresent("VirtualNode", node, mesh.mesh().name(), account);
            }
            total += weight;
        }
        if (total == 0) {
            throw AppMeshErrors.badRequest("At least one weighted target needs a weight above 0");
        }
        return spec;
    }

    /** The virtual node spec; returned as given when it passes. */
    static Map<String, Object> virtualNode(Object specValue) {
        Map<String, Object> spec = map(specValue, "spec");
        List<?> listeners = spec.get("listeners") instanceof List<?> l ? l : List.of();
        if (listeners.size() > 1) {
            throw AppMeshErrors.badRequest("A virtual node has at most one listener here, not " + listeners.size());
        }
        for (Object l : listeners) {
            Map<String, Object> portMapping = map(map(l, "a listener").get("portMapping"), "listeners[].portMapping");
            int port = integer(portMapping.get("port"), "listeners[].portMapping.port");
            if (port < 1 || port > 65535) {
                throw AppMeshErrors.badRequest("listeners[].portMapping.port must be between 1 and 65535, not " + port);
            }
            Object protocol = portMapping.get("protocol");
            if (!PROTOCOLS.contains(String.valueOf(protocol))) {
                throw AppMeshErrors.badRequest("listeners[].portMapping.protocol must be one of " + PROTOCOLS
                        + ", not " + protocol);
            }
        }
        if (spec.get("serviceDiscovery") != null) {
            Map<String, Object> discovery = map(spec.get("serviceDiscovery"), "spec.serviceDiscovery");
            if (discovery.get("awsCloudMap") != null) {
                Map<String, Object> cm = map(discovery.get("awsCloudMap"), "spec.serviceDiscovery.awsCloudMap");
                requireText(cm, "namespaceName", "spec.serviceDiscovery.awsCloudMap");
                requireText(cm, "serviceName", "spec.serviceDiscovery.awsCloudMap");
            } else if (discovery.get("dns") != null) {
                requireText(map(discovery.get("dns"), "spec.serviceDiscovery.dns"), "hostname",
                        "spec.serviceDiscovery.dns");
            } else {
                throw AppMeshErrors.badRequest("spec.serviceDiscovery needs awsCloudMap or dns");
            }
        }
        if (spec.get("backends") instanceof List<?> backends) {
            for (Object b : backends) {
                Map<String, Object> service = map(map(b, "a backend").get("virtualService"), "backends[].virtualService");
                requireText(service, "virtualServiceName", "backends[].virtualService");
            }
        }
        return spec;
    }

    private static void requireText(Map<String, Object> map, String member, String where) {
        if (!(map.get(member) instanceof String s) || s.isBlank()) {
            throw AppMeshErrors.badRequest(where + "." + member + " is required");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw AppMeshErrors.badRequest(what + (value == null ? " is required" : " must be a structure"));
    }

    private static int integer(Object value, String what) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw AppMeshErrors.badRequest(what + " must be a whole number, not " + value);
    }
}
