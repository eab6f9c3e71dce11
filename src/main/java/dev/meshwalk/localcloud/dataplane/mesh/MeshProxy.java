package dev.meshwalk.localcloud.dataplane.mesh;

import dev.meshwalk.localcloud.dataplane.net.Authority;
import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.cloudmap.CloudMap;
import dev.meshwalk.localcloud.dataplane.dns.DnsAnswers;
import dev.meshwalk.localcloud.dataplane.net.HttpCall;
import dev.meshwalk.localcloud.dataplane.net.HttpListeners;
import dev.meshwalk.localcloud.dataplane.net.Reply;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The local stand-in for a task's Envoy sidecar under App Mesh: three kinds of listener on the task address, and
 * a telemetry report for every request that crosses it.
 *
 * <p><b>Ingress.</b> Without iptables, the proxy owns the task's published app port (e.g. {@code <task ip>:8080})
 * and forwards to the app, which the task starts on another port of the same address. Load balancers, Cloud Map
 * instances and other proxies therefore reach the app only through this proxy, as with App Mesh's redirect.
 *
 * <p><b>Egress.</b> The app is given {@code HTTP_PROXY=http://<task ip>:<egress port>}; its outgoing requests
 * arrive here in absolute form ({@code GET http://color.x.mesh.local:8080/}) and {@link EgressRouter} decides
 * where they go.
 *
 * <p><b>Admin.</b> Envoy's admin API subset, served by {@link ProxyAdmin}.
 *
 * <p>Each hop continues the caller's X-Ray trace ({@link TraceContext}) and reports the request to
 * {@link ProxyTelemetry}, which turns it into Envoy's trace segments and metrics.
 */
public final class MeshProxy implements AutoCloseable {

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

        /** Envoy's name for the cluster that forwards ingress to the app. */
        String ingressCluster() {
            return "cds_ingress_" + mesh + "_" + virtualNode + "_self_redirect_http_15000";
        }

        /** Envoy's name for the cluster of a backend virtual node. */
        String egressCluster(String targetNode, int listenerPort) {
            return "cds_egress_" + mesh + "_" + targetNode + "_http_" + listenerPort;
        }

        /** Envoy's name for the cluster of ALLOW_ALL traffic to hosts outside the mesh. */
        String passthroughCluster() {
            return "cds_egress_" + mesh + "_passthrough";
        }
    }

    private final Services services;
    private final Placement placement;
    private final ProxyStats stats = new ProxyStats();
    private final EgressRouter router;
    private final ProxyAdmin admin;
    private final List<HttpListeners.Listener> servers = new CopyOnWriteArrayList<>();
    private final Map<Integer, Integer> ingressPorts = new ConcurrentHashMap<>();
    private volatile int egressPort;
    private volatile int adminPort;

    private MeshProxy(Services services, Placement placement) {
        this.services = services;
        this.placement = placement;
        NodeEndpoints endpoints = new NodeEndpoints(services.cloudMap(), services.dns());
        this.router = new EgressRouter(services.appMesh(), services.dns(), endpoints, placement, stats,
                new RetryingForwarder(services.upstream(), stats));
        this.admin = new ProxyAdmin(this, placement, services.appMesh(), endpoints, ingressPorts);
    }

    /** Opens the proxy's ingress, egress and admin listeners (free ports when the asked ones are taken). */
    public static MeshProxy start(Services services, Placement placement) throws IOException {
        MeshProxy proxy = new MeshProxy(services, placement);
        try {
            for (Map.Entry<Integer, Integer> app : placement.appPorts().entrySet()) {
                HttpListeners.Listener ingress = services.listeners().open(placement.taskAddress(), app.getKey(),
                        call -> proxy.ingress(call, app.getValue()));
                proxy.servers.add(ingress);
                proxy.ingressPorts.put(app.getKey(), ingress.port());
            }
            HttpListeners.Listener egress = services.listeners().open(placement.taskAddress(), placement.egressPort(),
                    proxy::egress);
            proxy.servers.add(egress);
            proxy.egressPort = egress.port();
            HttpListeners.Listener admin = services.listeners().open(placement.taskAddress(), placement.adminPort(),
                    proxy.admin::handle);
            proxy.servers.add(admin);
            proxy.adminPort = admin.port();
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

    /** A request to the published app port: forwarded to the app on its internal port. */
    private void ingress(HttpCall call, int appPort) {
        Instant start = Instant.now();
        Upstream.BufferedRequest request = call.request();
        TraceContext trace = TraceContext.continueFrom(request.header(TraceContext.HEADER));
        String cluster = placement.ingressCluster();
        services.upstream().send(request, placement.taskAddress().getHostAddress() + ":" + appPort,
                Map.of(TraceContext.HEADER, trace.header()), EgressRouter.DEFAULT_TIMEOUT).whenComplete((response, error) -> {
                    Reply answer;
                    if (error == null) {
                        if (response.newConnection()) {
                            stats.increment("cluster." + cluster + ".upstream_cx_total");
                        }
                        stats.countResponse("cluster." + cluster + ".upstream_rq", response.status());
                        answer = Reply.of(response);
                    } else {
                        stats.increment("cluster." + cluster + ".upstream_cx_connect_fail");
                        answer = Reply.plain(503, "upstream connect error or disconnect/reset before headers");
                    }
                    stats.countResponse("http.ingress.downstream_rq", answer.status());
                    Duration took = Duration.between(start, Instant.now());
                    report(ProxyTelemetry.Direction.INGRESS, cluster, placement.virtualNode(), request,
                            request.header("Host"), answer.status(), start, took, trace);
                    call.reply(answer, Map.of("x-envoy-upstream-service-time", String.valueOf(took.toMillis())));
                });
    }

    /** A request the app sent through its {@code HTTP_PROXY}: routed by {@link EgressRouter}. */
    private void egress(HttpCall call) {
        Instant start = Instant.now();
        Upstream.BufferedRequest request = call.request();
        Optional<Authority> target = call.proxiedAuthority();
        if (target.isEmpty()) {
            return;
        }
        Authority authority = target.get();
        TraceContext trace = TraceContext.continueFrom(request.header(TraceContext.HEADER));
        router.route(request, authority, trace).whenComplete((outcome, error) -> {
            EgressRouter.Outcome done = error == null ? outcome
                    : new EgressRouter.Outcome(Reply.plain(503, "proxy error: " + error), null, null);
            stats.countResponse("http.egress.downstream_rq", done.answer().status());
            Duration took = Duration.between(start, Instant.now());
            report(ProxyTelemetry.Direction.EGRESS, done.cluster(), done.targetNode(), request,
                    authority.toString(), done.answer().status(), start, took, trace);
            call.reply(done.answer(), Map.of("server", "envoy",
                    "x-envoy-upstream-service-time", String.valueOf(took.toMillis())));
        });
    }

    /** Tells telemetry about one request; a telemetry failure is counted, never the request's problem. */
    private void report(ProxyTelemetry.Direction direction, String cluster, String targetNode,
                        Upstream.BufferedRequest request, String authority, int status, Instant start, Duration took,
                        TraceContext trace) {
        try {
            services.telemetry().requestObserved(new ProxyTelemetry.ProxyRequestObserved(placement.mesh(),
                    placement.virtualNode(), direction, cluster, targetNode, request.method(), request.path(),
                    authority, status, start, took, trace.root(), trace.parent(), trace.self(),
                    request.clientAddress(), trace.isSampled()));
        } catch (RuntimeException telemetryFailure) {
            stats.increment("tracing.telemetry_errors");
        }
    }

    @Override
    public void close() {
        servers.forEach(HttpListeners.Listener::close);
        servers.clear();
        services.appMesh().proxyStopped(this);
    }
}
