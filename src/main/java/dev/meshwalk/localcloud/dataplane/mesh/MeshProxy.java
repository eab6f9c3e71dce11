package dev.meshwalk.localcloud.dataplane.mesh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.cloudmap.CloudMap;
import dev.meshwalk.localcloud.dataplane.dns.DnsAnswers;
import dev.meshwalk.localcloud.dataplane.net.HttpListeners;
import dev.meshwalk.localcloud.dataplane.net.SmoothWeightedRoundRobin;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local stand-in for a task's Envoy sidecar under App Mesh.
 *
 * <p><b>Ingress.</b> Without iptables, the proxy owns the task's published app port (e.g. {@code <task ip>:8080})
 * and forwards to the app, which the task starts on another port of the same address. Load balancers, Cloud Map
 * instances and other proxies therefore reach the app only through this proxy, as with App Mesh's redirect.
 *
 * <p><b>Egress.</b> The app is given {@code HTTP_PROXY=http://<task ip>:<egress port>}; its outgoing requests
 * arrive here in absolute form ({@code GET http://color.x.mesh.local:8080/}). The host names a virtual service;
 * the proxy routes it to the service's provider (a virtual node, or a virtual router whose routes match by
 * prefix and headers and split by weight), picks an endpoint of the target node from Cloud Map or DNS, and
 * forwards with the route's timeout and retry policy. With egress filter DROP_ALL, hosts that are not backends
 * of this node get a 404, as Envoy answers when no route matches.
 *
 * <p><b>Admin.</b> {@code /server_info} (state LIVE once the node exists in the mesh, so the template's
 * {@code curl localhost:9901/server_info | grep LIVE} health check works), {@code /stats}, {@code /clusters},
 * {@code /config_dump}, {@code /ready}.
 */
public final class MeshProxy implements AutoCloseable {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Everything a proxy needs from the data plane, shared by all proxies. */
    public record Services(AppMesh appMesh, CloudMap cloudMap, DnsAnswers dns, Upstream upstream,
                           HttpListeners listeners, ProxyTelemetry telemetry, AwsIds ids) {
    }

    /**
     * Where one proxy runs.
     *
     * @param appPorts published app port -> port the app really listens on (same task address)
     */
    public record Placement(String mesh, String virtualNode, InetAddress taskAddress, Map<Integer, Integer> appPorts,
                            int egressPort, int adminPort) {
    }

    private final Services services;
    private final Placement placement;
    private final ProxyStats stats = new ProxyStats();
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final Map<Integer, Integer> ingressPorts = new ConcurrentHashMap<>();
    private final Map<String, SmoothWeightedRoundRobin<RouteSpec.WeightedTarget>> weightedPickers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> endpointCursors = new ConcurrentHashMap<>();
    private final Instant started = Instant.now();
    private volatile int egressPort;
    private volatile int adminPort;

    private MeshProxy(Services services, Placement placement) {
        this.services = services;
        this.placement = placement;
    }

    /** Opens the proxy's ingress, egress and admin listeners (free ports when the asked ones are taken). */
    public static MeshProxy start(Services services, Placement placement) throws IOException {
        MeshProxy proxy = new MeshProxy(services, placement);
        try {
            for (Map.Entry<Integer, Integer> app : placement.appPorts().entrySet()) {
                HttpServer ingress = services.listeners().open(placement.taskAddress(), app.getKey(),
                        exchange -> proxy.ingress(exchange, app.getValue()));
                proxy.servers.add(ingress);
                proxy.ingressPorts.put(app.getKey(), ingress.getAddress().getPort());
            }
            HttpServer egress = services.listeners().open(placement.taskAddress(), placement.egressPort(), proxy::egress);
            proxy.servers.add(egress);
            proxy.egressPort = egress.getAddress().getPort();
            HttpServer admin = services.listeners().open(placement.taskAddress(), placement.adminPort(), proxy::admin);
            proxy.servers.add(admin);
            proxy.adminPort = admin.getAddress().getPort();
        } catch (IOException e) {
            proxy.close();
            throw e;
        }
        services.appMesh().proxyStarted(proxy);
        return proxy;
    }

    public String mesh() {
        return placement.mesh();
    }

    public String virtualNode() {
        return placement.virtualNode();
    }

    public InetAddress taskAddress() {
        return placement.taskAddress();
    }

    /** Published app port -> the port the ingress listener really holds. */
    public Map<Integer, Integer> ingressPorts() {
        return Map.copyOf(ingressPorts);
    }

    public int egressPort() {
        return egressPort;
    }

    public int adminPort() {
        return adminPort;
    }

    public ProxyStats stats() {
        return stats;
    }

    /** LIVE once the mesh knows this proxy's virtual node (Envoy stays initializing until it gets its config). */
    public boolean isLive() {
        return services.appMesh().config(placement.mesh()).flatMap(c -> c.node(placement.virtualNode())).isPresent();
    }

    // ---------------------------------------------------------------- ingress

    private void ingress(HttpExchange exchange, int appPort) throws IOException {
        try (exchange) {
            Instant start = Instant.now();
            Upstream.BufferedRequest request = Upstream.BufferedRequest.read(exchange);
            Trace trace = Trace.continueFrom(request.header("X-Amzn-Trace-Id"), services.ids());
            String cluster = "cds_ingress_" + placement.mesh() + "_" + placement.virtualNode() + "_self_redirect_http_15000";
            Upstream.Answer answer;
            try {
                answer = services.upstream().send(request, placement.taskAddress().getHostAddress() + ":" + appPort,
                        Map.of("X-Amzn-Trace-Id", trace.header()), DEFAULT_TIMEOUT);
                stats.countResponse("cluster." + cluster + ".upstream_rq", answer.status());
            } catch (IOException unreachable) {
                stats.increment("cluster." + cluster + ".upstream_cx_connect_fail");
                answer = Upstream.Answer.plain(503, "upstream connect error or disconnect/reset before headers");
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                answer = Upstream.Answer.plain(503, "upstream request interrupted");
            }
            stats.countResponse("http.ingress.downstream_rq", answer.status());
            Duration took = Duration.between(start, Instant.now());
            Upstream.write(exchange, answer, Map.of("x-envoy-upstream-service-time", String.valueOf(took.toMillis())));
            report(ProxyTelemetry.Direction.INGRESS, cluster, placement.virtualNode(), request,
                    request.header("Host"), answer.status(), start, took, trace);
        }
    }

    // ---------------------------------------------------------------- egress

    private void egress(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant start = Instant.now();
            Upstream.BufferedRequest request = Upstream.BufferedRequest.read(exchange);
            Authority authority = Authority.of(exchange.getRequestURI(), request.header("Host"));
            Trace trace = Trace.continueFrom(request.header("X-Amzn-Trace-Id"), services.ids());
            Outcome outcome = route(request, authority, trace);
            stats.countResponse("http.egress.downstream_rq", outcome.answer().status());
            Duration took = Duration.between(start, Instant.now());
            Upstream.write(exchange, outcome.answer(), Map.of("server", "envoy",
                    "x-envoy-upstream-service-time", String.valueOf(took.toMillis())));
            report(ProxyTelemetry.Direction.EGRESS, outcome.cluster(), outcome.targetNode(), request,
                    authority.toString(), outcome.answer().status(), start, took, trace);
        }
    }

    private record Outcome(Upstream.Answer answer, String cluster, String targetNode) {
    }

    private Outcome route(Upstream.BufferedRequest request, Authority authority, Trace trace) {
        Optional<MeshConfig> config = services.appMesh().config(placement.mesh());
        Optional<VirtualNodeSpec> self = config.flatMap(c -> c.node(placement.virtualNode()));
        if (self.isEmpty()) {
            return new Outcome(Upstream.Answer.plain(503, "virtual node " + placement.virtualNode()
                    + " is not (or no longer) in mesh " + placement.mesh()), null, null);
        }
        MeshConfig mesh = config.get();
        Optional<VirtualServiceSpec> service = mesh.service(authority.host());
        boolean declared = self.get().backends().contains(authority.host());
        if (service.isEmpty() || !declared) {
            if (mesh.mesh().allowAllEgress()) {
                return passThrough(request, authority, trace);
            }
            stats.increment("http.egress.no_route");
            return new Outcome(Upstream.Answer.plain(404, ""), null, null);
        }
        String targetNode;
        RouteSpec route = null;
        if (service.get().virtualNodeName() != null) {
            targetNode = service.get().virtualNodeName();
        } else {
            String router = service.get().virtualRouterName();
            route = mesh.routesOf(router).stream().filter(r -> matches(r.match(), request)).findFirst().orElse(null);
            if (route == null) {
                stats.increment("http.egress.no_route");
                return new Outcome(Upstream.Answer.plain(404, ""), null, null);
            }
            RouteSpec chosen = route;
            SmoothWeightedRoundRobin<RouteSpec.WeightedTarget> picker = weightedPickers.compute(
                    router + "/" + route.name(), (k, old) -> old != null && old.items().equals(chosen.targets()) ? old
                            : new SmoothWeightedRoundRobin<>(chosen.targets(), RouteSpec.WeightedTarget::weight));
            targetNode = picker.next().virtualNode();
        }
        Optional<VirtualNodeSpec> target = mesh.node(targetNode);
        if (target.isEmpty()) {
            return new Outcome(Upstream.Answer.plain(503, "no healthy upstream"), null, targetNode);
        }
        String cluster = "cds_egress_" + placement.mesh() + "_" + targetNode + "_http_" + target.get().firstListenerPort();
        List<String> endpoints = endpoints(target.get());
        if (endpoints.isEmpty()) {
            stats.increment("cluster." + cluster + ".upstream_cx_none_healthy");
            return new Outcome(Upstream.Answer.plain(503, "no healthy upstream"), cluster, targetNode);
        }
        RouteSpec.RetryPolicy retry = route != null && route.retryPolicy() != null ? route.retryPolicy()
                : RouteSpec.RetryPolicy.appMeshDefault();
        Duration overall = route != null && route.perRequestTimeout() != null ? route.perRequestTimeout() : DEFAULT_TIMEOUT;
        return new Outcome(forwardWithRetries(request, endpoints, cluster, retry, overall, trace), cluster, targetNode);
    }

    private Upstream.Answer forwardWithRetries(Upstream.BufferedRequest request, List<String> endpoints, String cluster,
                                               RouteSpec.RetryPolicy retry, Duration overall, Trace trace) {
        long deadline = System.nanoTime() + overall.toNanos();
        AtomicInteger cursor = endpointCursors.computeIfAbsent(cluster, k -> new AtomicInteger());
        Upstream.Answer last = Upstream.Answer.plain(503, "upstream connect error or disconnect/reset before headers");
        for (int attempt = 0; attempt <= retry.maxRetries(); attempt++) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                stats.increment("cluster." + cluster + ".upstream_rq_timeout");
                return Upstream.Answer.plain(504, "upstream request timeout");
            }
            if (attempt > 0) {
                stats.increment("cluster." + cluster + ".upstream_rq_retry");
            }
            String endpoint = endpoints.get(Math.floorMod(cursor.getAndIncrement(), endpoints.size()));
            Duration timeout = Duration.ofNanos(Math.min(remaining, retry.perRetryTimeout().toNanos()));
            try {
                Upstream.Answer answer = services.upstream().send(request, endpoint,
                        Map.of("X-Amzn-Trace-Id", trace.header()), timeout);
                stats.countResponse("cluster." + cluster + ".upstream_rq", answer.status());
                if (!retry.retriesStatus(answer.status())) {
                    return answer;
                }
                last = answer;
            } catch (java.net.http.HttpTimeoutException timedOut) {
                stats.increment("cluster." + cluster + ".upstream_rq_per_try_timeout");
                last = Upstream.Answer.plain(504, "upstream request timeout");
            } catch (IOException failed) {
                stats.increment("cluster." + cluster + ".upstream_cx_connect_fail");
                last = Upstream.Answer.plain(503, "upstream connect error or disconnect/reset before headers");
                if (!retry.tcpRetryEvents().contains("connection-error")
                        && !retry.httpRetryEvents().contains("gateway-error")) {
                    return last;
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Upstream.Answer.plain(503, "upstream request interrupted");
            }
        }
        return last;
    }

    private Outcome passThrough(Upstream.BufferedRequest request, Authority authority, Trace trace) {
        String cluster = "cds_egress_" + placement.mesh() + "_passthrough";
        List<InetAddress> addresses = isIpLiteral(authority.host()) ? List.of() : services.dns().resolveIpv4(authority.host());
        String host = isIpLiteral(authority.host()) ? authority.host()
                : addresses.isEmpty() ? null : addresses.get(0).getHostAddress();
        if (host == null) {
            return new Outcome(Upstream.Answer.plain(503, "no healthy upstream"), cluster, null);
        }
        return new Outcome(forwardWithRetries(request, List.of(host + ":" + authority.port()), cluster,
                RouteSpec.RetryPolicy.appMeshDefault(), DEFAULT_TIMEOUT, trace), cluster, null);
    }

    /** Endpoints ({@code ip:port}) of a virtual node from its service discovery. */
    List<String> endpoints(VirtualNodeSpec node) {
        List<String> out = new ArrayList<>();
        if (node.serviceDiscovery() instanceof ServiceDiscoverySpec.CloudMap cloudMap) {
            services.cloudMap().discoverInstances(cloudMap.namespaceName(), cloudMap.serviceName(),
                            cloudMap.attributes(), true)
                    .forEach(i -> out.add(i.ipv4() + ":" + i.port(node.firstListenerPort())));
        } else if (node.serviceDiscovery() instanceof ServiceDiscoverySpec.Dns dns) {
            services.dns().resolveIpv4(dns.hostname())
                    .forEach(a -> out.add(a.getHostAddress() + ":" + node.firstListenerPort()));
        }
        out.sort(null);
        return out;
    }

    private static boolean matches(RouteSpec.Match match, Upstream.BufferedRequest request) {
        return request.path().startsWith(match.prefix())
                && match.headers().stream().allMatch(h -> h.matches(request.header(h.name())));
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private void report(ProxyTelemetry.Direction direction, String cluster, String targetNode,
                        Upstream.BufferedRequest request, String authority, int status, Instant start, Duration took,
                        Trace trace) {
        try {
            services.telemetry().requestObserved(new ProxyTelemetry.ProxyRequestObserved(placement.mesh(),
                    placement.virtualNode(), direction, cluster, targetNode, request.method(), request.path(),
                    authority, status, start, took, trace.root(), trace.parent(), trace.self(),
                    request.clientAddress(), !"0".equals(trace.sampled())));
        } catch (RuntimeException telemetryFailure) {
            stats.increment("tracing.telemetry_errors");
        }
    }

    // ---------------------------------------------------------------- admin

    private void admin(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Upstream.Answer answer = switch (path) {
                case "/server_info" -> json(200, serverInfo());
                case "/ready" -> text(isLive() ? 200 : 503, isLive() ? "LIVE\n" : "PRE_INITIALIZING\n");
                case "/stats" -> text(200, stats.render() + "server.live: " + (isLive() ? 1 : 0) + "\n");
                case "/clusters" -> text(200, clusters());
                case "/config_dump" -> json(200, configDump());
                default -> text(404, "invalid path; try /server_info, /stats, /clusters, /config_dump, /ready\n");
            };
            Upstream.write(exchange, answer, Map.of());
        }
    }

    private Map<String, Object> serverInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", "meshwalk-local-proxy/1.0 (Envoy admin API subset)");
        info.put("state", isLive() ? "LIVE" : "PRE_INITIALIZING");
        info.put("uptime_current_epoch", Duration.between(started, Instant.now()).toSeconds() + "s");
        info.put("node", Map.of("id", "mesh/" + placement.mesh() + "/virtualNode/" + placement.virtualNode(),
                "cluster", placement.mesh() + "/" + placement.virtualNode()));
        info.put("listeners", Map.of("ingress", ingressPorts, "egress", egressPort, "admin", adminPort));
        return info;
    }

    private String clusters() {
        StringBuilder out = new StringBuilder();
        MeshConfig config = services.appMesh().config(placement.mesh()).orElse(null);
        VirtualNodeSpec self = config == null ? null : config.node(placement.virtualNode()).orElse(null);
        if (self == null) {
            return "";
        }
        for (String backend : self.backends()) {
            for (String node : nodesBehind(config, backend)) {
                config.node(node).ifPresent(spec -> {
                    String cluster = "cds_egress_" + placement.mesh() + "_" + node + "_http_" + spec.firstListenerPort();
                    for (String endpoint : endpoints(spec)) {
                        out.append(cluster).append("::").append(endpoint).append("::health_flags::healthy\n");
                    }
                    out.append(cluster).append("::upstream_rq_total::")
                            .append(stats.get("cluster." + cluster + ".upstream_rq_total")).append('\n');
                });
            }
        }
        ingressPorts.forEach((published, real) -> out.append("cds_ingress_").append(placement.mesh()).append('_')
                .append(placement.virtualNode()).append("_self_redirect_http_15000::")
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
        MeshConfig config = services.appMesh().config(placement.mesh()).orElse(null);
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
        dump.put("listeners", Map.of("ingress", ingressPorts, "egress", egressPort, "admin", adminPort));
        return Map.of("configs", List.of(dump));
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

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        servers.clear();
        services.appMesh().proxyStopped(this);
    }

    /** host and port a request was addressed to, from its absolute URI or Host header. */
    private record Authority(String host, int port) {
        static Authority of(URI uri, String hostHeader) {
            if (uri.getHost() != null) {
                return new Authority(uri.getHost().toLowerCase(Locale.ROOT), uri.getPort() < 0 ? 80 : uri.getPort());
            }
            String value = hostHeader == null ? "" : hostHeader;
            int colon = value.lastIndexOf(':');
            if (colon > 0) {
                return new Authority(value.substring(0, colon).toLowerCase(Locale.ROOT),
                        Integer.parseInt(value.substring(colon + 1)));
            }
            return new Authority(value.toLowerCase(Locale.ROOT), 80);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** X-Ray trace context: keep the caller's root, make this hop the parent of the next. */
    private record Trace(String root, String parent, String self, String sampled) {
        static Trace continueFrom(String header, AwsIds ids) {
            String root = null;
            String parent = null;
            String sampled = "1";
            if (header != null) {
                for (String part : header.split(";")) {
                    String p = part.trim();
                    if (p.startsWith("Root=")) {
                        root = p.substring(5);
                    } else if (p.startsWith("Parent=")) {
                        parent = p.substring(7);
                    } else if (p.startsWith("Sampled=")) {
                        sampled = p.substring(8);
                    }
                }
            }
            return new Trace(root == null ? ids.traceRoot() : root, parent, ids.hex(16), sampled);
        }

        String header() {
            return "Root=" + root + ";Parent=" + self + ";Sampled=" + sampled;
        }
    }
}
