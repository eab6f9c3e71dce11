package dev.meshwalk.localcloud.dataplane.mesh;

import dev.meshwalk.localcloud.dataplane.net.Authority;
import dev.meshwalk.localcloud.dataplane.net.SmoothWeightedRoundRobin;
import dev.meshwalk.localcloud.dataplane.dns.DnsAnswers;
import dev.meshwalk.localcloud.dataplane.net.Reply;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where an app's outgoing request goes, decided as Envoy under App Mesh decides it. The host names a virtual
 * service; only the node's declared backends are routable. The service's provider is a virtual node, or a virtual
 * router whose first matching route (prefix and headers) splits by weight ({@link SmoothWeightedRoundRobin}). The
 * target node's endpoints come from its service discovery; the request goes to one of them with the route's
 * timeout and retry policy. Hosts that are not backends pass through (egress filter ALLOW_ALL) or get Envoy's 404
 * (DROP_ALL).
 */
final class EgressRouter {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    /** What the router did: the answer, and for telemetry the Envoy cluster and the virtual node it chose. */
    record Outcome(Reply answer, String cluster, String targetNode) {

        CompletableFuture<Outcome> now() {
            return CompletableFuture.completedFuture(this);
        }
    }

    /** The node a routable request goes to, and the route that chose it (null for a virtual-node provider). */
    private record Destination(String node, RouteSpec route) {
    }

    private final AppMesh appMesh;
    private final DnsAnswers dns;
    private final NodeEndpoints endpoints;
    private final MeshProxy.Placement placement;
    private final ProxyStats stats;
    private final RetryingForwarder forwarder;
    private final Map<String, SmoothWeightedRoundRobin<RouteSpec.WeightedTarget>> weightedPickers = new ConcurrentHashMap<>();

    EgressRouter(AppMesh appMesh, DnsAnswers dns, NodeEndpoints endpoints, MeshProxy.Placement placement,
                 ProxyStats stats, RetryingForwarder forwarder) {
        this.appMesh = appMesh;
        this.dns = dns;
        this.endpoints = endpoints;
        this.placement = placement;
        this.stats = stats;
        this.forwarder = forwarder;
    }

    CompletableFuture<Outcome> route(Upstream.BufferedRequest request, Authority authority, TraceContext trace) {
        Optional<MeshConfig> config = appMesh.config(placement.mesh());
        Optional<VirtualNodeSpec> self = config.flatMap(c -> c.node(placement.virtualNode()));
        if (self.isEmpty()) {
            return new Outcome(Reply.plain(503, "virtual node " + placement.virtualNode()
                    + " is not (or no longer) in mesh " + placement.mesh()), null, null).now();
        }
        MeshConfig mesh = config.get();
        Optional<VirtualServiceSpec> service = mesh.service(authority.host());
        if (service.isEmpty() || !self.get().backends().contains(authority.host())) {
            return mesh.mesh().allowAllEgress() ? passThrough(request, authority, trace) : noRoute();
        }
        Optional<Destination> destination = destination(mesh, service.get(), request);
        return destination.isPresent() ? forwardTo(mesh, destination.get(), request, trace) : noRoute();
    }

    /** The provider's node, or the node a weighted target of the first matching route picks; empty if none matches. */
    private Optional<Destination> destination(MeshConfig mesh, VirtualServiceSpec service,
                                              Upstream.BufferedRequest request) {
        if (service.virtualNodeName() != null) {
            return Optional.of(new Destination(service.virtualNodeName(), null));
        }
        String router = service.virtualRouterName();
        Optional<RouteSpec> match = mesh.routesOf(router).stream().filter(r -> matches(r.match(), request)).findFirst();
        return match.map(route -> {
            SmoothWeightedRoundRobin<RouteSpec.WeightedTarget> picker = weightedPickers.compute(
                    router + "/" + route.name(), (k, old) -> old != null && old.items().equals(route.targets()) ? old
                            : new SmoothWeightedRoundRobin<>(route.targets(), RouteSpec.WeightedTarget::weight));
            return new Destination(picker.next().virtualNode(), route);
        });
    }

    private CompletableFuture<Outcome> forwardTo(MeshConfig mesh, Destination destination, Upstream.BufferedRequest request,
                              TraceContext trace) {
        Optional<VirtualNodeSpec> target = mesh.node(destination.node());
        if (target.isEmpty()) {
            return new Outcome(Reply.plain(503, "no healthy upstream"), null, destination.node()).now();
        }
        String cluster = placement.egressCluster(destination.node(), target.get().firstListenerPort());
        List<String> instances = endpoints.of(target.get());
        if (instances.isEmpty()) {
            stats.increment("cluster." + cluster + ".upstream_cx_none_healthy");
            return new Outcome(Reply.plain(503, "no healthy upstream"), cluster, destination.node()).now();
        }
        RouteSpec route = destination.route();
        RouteSpec.RetryPolicy retry = route != null && route.retryPolicy() != null ? route.retryPolicy()
                : RouteSpec.RetryPolicy.appMeshDefault();
        Duration overall = route != null && route.perRequestTimeout() != null ? route.perRequestTimeout()
                : DEFAULT_TIMEOUT;
        return forwarder.forward(request, instances, cluster, retry, overall, trace)
                .thenApply(reply -> new Outcome(reply, cluster, destination.node()));
    }

    /** ALLOW_ALL egress to a host outside the mesh: resolve it with the task's DNS and forward as is. */
    private CompletableFuture<Outcome> passThrough(Upstream.BufferedRequest request, Authority authority, TraceContext trace) {
        String cluster = placement.passthroughCluster();
        String host = authority.host();
        if (!authority.isIpLiteral()) {
            List<InetAddress> addresses = dns.resolveIpv4(authority.host());
            host = addresses.isEmpty() ? null : addresses.get(0).getHostAddress();
        }
        if (host == null) {
            return new Outcome(Reply.plain(503, "no healthy upstream"), cluster, null).now();
        }
        return forwarder.forward(request, List.of(host + ":" + authority.port()), cluster,
                RouteSpec.RetryPolicy.appMeshDefault(), DEFAULT_TIMEOUT, trace)
                .thenApply(reply -> new Outcome(reply, cluster, null));
    }

    /** Envoy's answer when no route matches: an empty 404. */
    private CompletableFuture<Outcome> noRoute() {
        stats.increment("http.egress.no_route");
        return new Outcome(Reply.plain(404, ""), null, null).now();
    }

    private static boolean matches(RouteSpec.Match match, Upstream.BufferedRequest request) {
        return request.path().startsWith(match.prefix())
                && match.headers().stream().allMatch(h -> h.matches(request.header(h.name())));
    }
}
