package dev.meshwalk.localcloud.dataplane.mesh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.meshwalk.localcloud.dataplane.net.HttpCall;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of Envoy's admin API a proxy serves: {@code /server_info} (state LIVE once the node exists in the
 * mesh, so the template's {@code curl localhost:9901/server_info | grep LIVE} health check works), {@code /ready},
 * {@code /stats}, {@code /clusters} (the endpoints each backend cluster would use now) and {@code /config_dump}
 * (the mesh configuration this node sees).
 */
final class ProxyAdmin {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final MeshProxy proxy;
    private final MeshProxy.Placement placement;
    private final AppMesh appMesh;
    private final NodeEndpoints endpoints;
    private final Map<Integer, Integer> ingressPorts;
    private final Instant started = Instant.now();

    /** @param ingressPorts the proxy's live map of published app port -> ingress listener port */
    ProxyAdmin(MeshProxy proxy, MeshProxy.Placement placement, AppMesh appMesh, NodeEndpoints endpoints,
               Map<Integer, Integer> ingressPorts) {
        this.proxy = proxy;
        this.placement = placement;
        this.appMesh = appMesh;
        this.endpoints = endpoints;
        this.ingressPorts = ingressPorts;
    }

    void handle(HttpCall call) {
        boolean live = proxy.isLive();
        Upstream.Answer answer = switch (call.request().path()) {
            case "/server_info" -> json(200, serverInfo(live));
            case "/ready" -> text(live ? 200 : 503, live ? "LIVE\n" : "PRE_INITIALIZING\n");
            case "/stats" -> text(200, proxy.stats().render() + "server.live: " + (live ? 1 : 0) + "\n");
            case "/clusters" -> text(200, clusters());
            case "/config_dump" -> json(200, configDump());
            default -> text(404, "invalid path; try /server_info, /stats, /clusters, /config_dump, /ready\n");
        };
        call.respond(answer, Map.of());
    }

    private Map<String, Object> serverInfo(boolean live) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", "meshwalk-local-proxy/1.0 (Envoy admin API subset)");
        info.put("state", live ? "LIVE" : "PRE_INITIALIZING");
        info.put("uptime_current_epoch", Duration.between(started, Instant.now()).toSeconds() + "s");
        info.put("node", Map.of("id", "mesh/" + placement.mesh() + "/virtualNode/" + placement.virtualNode(),
                "cluster", placement.mesh() + "/" + placement.virtualNode()));
        info.put("listeners", listeners());
        return info;
    }

    private String clusters() {
        StringBuilder out = new StringBuilder();
        MeshConfig config = appMesh.config(placement.mesh()).orElse(null);
        VirtualNodeSpec self = config == null ? null : config.node(placement.virtualNode()).orElse(null);
        if (self == null) {
            return "";
        }
        for (String backend : self.backends()) {
            for (String node : nodesBehind(config, backend)) {
                config.node(node).ifPresent(spec -> {
                    String cluster = placement.egressCluster(node, spec.firstListenerPort());
                    for (String endpoint : endpoints.of(spec)) {
                        out.append(cluster).append("::").append(endpoint).append("::health_flags::healthy\n");
                    }
                    out.append(cluster).append("::upstream_rq_total::")
                            .append(proxy.stats().get("cluster." + cluster + ".upstream_rq_total")).append('\n');
                });
            }
        }
        ingressPorts.forEach((published, real) -> out.append(placement.ingressCluster()).append("::")
                .append(placement.taskAddress().getHostAddress()).append(':')
                .append(placement.appPorts().get(published)).append("::health_flags::healthy\n"));
        return out.toString();
    }

    private static List<String> nodesBehind(MeshConfig config, String virtualService) {
        return config.service(virtualService).map(s -> s.virtualNodeName() != null ? List.of(s.virtualNodeName())
                : config.routesOf(s.virtualRouterName()).stream().flatMap(r -> r.targets().stream())
                        .map(RouteSpec.WeightedTarget::virtualNode).distinct().toList()).orElse(List.of());
    }

    private Map<String, Object> configDump() {
        Map<String, Object> dump = new LinkedHashMap<>();
        MeshConfig config = appMesh.config(placement.mesh()).orElse(null);
        dump.put("mesh", placement.mesh());
        dump.put("virtual_node", placement.virtualNode());
        dump.put("mesh_config_version", config == null ? 0 : config.version());
        if (config != null) {
            dump.put("egress_filter", config.mesh().allowAllEgress() ? "ALLOW_ALL" : "DROP_ALL");
            dump.put("node", config.node(placement.virtualNode()).orElse(null));
            Map<String, Object> backends = new LinkedHashMap<>();
            config.node(placement.virtualNode()).ifPresent(node -> node.backends().forEach(b -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                config.service(b).ifPresent(s -> {
                    entry.put("provider", s.virtualNodeName() != null ? "virtualNode/" + s.virtualNodeName()
                            : "virtualRouter/" + s.virtualRouterName());
                    if (s.virtualRouterName() != null) {
                        entry.put("routes", config.routesOf(s.virtualRouterName()));
                    }
                });
                backends.put(b, entry);
            }));
            dump.put("backends", backends);
        }
        dump.put("listeners", listeners());
        return Map.of("configs", List.of(dump));
    }

    private Map<String, Object> listeners() {
        return Map.of("ingress", ingressPorts, "egress", proxy.egressPort(), "admin", proxy.adminPort());
    }

    private static Upstream.Answer text(int status, String body) {
        return new Upstream.Answer(status, Map.of("content-type", List.of("text/plain; charset=utf-8")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static Upstream.Answer json(int status, Object body) {
        try {
            return new Upstream.Answer(status, Map.of("content-type", List.of("application/json")),
                    JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            return text(500, "could not render: " + e.getMessage());
        }
    }
}
