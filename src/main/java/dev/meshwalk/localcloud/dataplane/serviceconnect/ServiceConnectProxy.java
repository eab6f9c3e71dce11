package dev.meshwalk.localcloud.dataplane.serviceconnect;

import dev.meshwalk.localcloud.dataplane.net.Authority;
import dev.meshwalk.localcloud.dataplane.net.HttpCall;
import dev.meshwalk.localcloud.dataplane.net.HttpListeners;
import dev.meshwalk.localcloud.dataplane.net.Reply;
import dev.meshwalk.localcloud.dataplane.net.SmoothWeightedRoundRobin;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The managed Service Connect proxy of one task (ECS adds it to every task of a Service Connect service; it is not
 * in the task definition).
 *
 * <p><b>Ingress</b> (server services): one listener per {@code ServiceConnectService} on the task's address (the
 * {@code IngressPortOverride}, else a free port); it forwards to the app's named port. Clients reach a server task
 * only here, so the inbound metrics see every request.
 *
 * <p><b>Egress</b>: the task's apps get {@code HTTP_PROXY=http://<task ip>:<egress port>}; a request for a client
 * alias ({@code http://color:8080/}) or a discovery name ({@code color.<namespace>:8080}) of the task's namespace is
 * balanced over the healthy endpoints of that service: split between service revisions when a canary deployment
 * set weights, round robin within a revision, never to an endpoint that outlier detection ejected, retried on
 * another endpoint (twice at most) when a connection fails. Other hosts pass straight through, as traffic that
 * Service Connect does not know bypasses its proxy on AWS.
 */
public final class ServiceConnectProxy implements AutoCloseable {

    private static final Duration PER_REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_RETRIES = 2;
    /** Envoy's base ejection time in Service Connect; compressed locally like every other timing. */
    private static final long EJECTION_SECONDS = 30;

    /** Where the proxy runs: its task, and the service configuration the task was started with. */
    record Placement(String cluster, String service, String taskId, InetAddress taskAddress,
                     ServiceConnectConfig config) {
    }

    private final ServiceConnect serviceConnect;
    private final Placement placement;
    private final OutlierDetection outliers;
    private final List<HttpListeners.Listener> servers = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> ingressPorts = new ConcurrentHashMap<>();
    private final Map<String, Integer> appPorts = new ConcurrentHashMap<>();
    private final Map<String, SmoothWeightedRoundRobin<Map.Entry<String, Integer>>> splitPickers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> cursors = new ConcurrentHashMap<>();
    private volatile int egressPort;

    private ServiceConnectProxy(ServiceConnect serviceConnect, Placement placement) {
        this.serviceConnect = serviceConnect;
        this.placement = placement;
        this.outliers = new OutlierDetection(serviceConnect.timings().seconds(EJECTION_SECONDS), System::nanoTime);
    }

    static ServiceConnectProxy start(ServiceConnect serviceConnect, Placement placement) throws IOException {
        ServiceConnectProxy proxy = new ServiceConnectProxy(serviceConnect, placement);
        try {
            for (ServiceConnectConfig.Server server : placement.config().services()) {
                int preferred = server.ingressPortOverride() == null ? 0 : server.ingressPortOverride();
                HttpListeners.Listener ingress = serviceConnect.listeners().open(placement.taskAddress(), preferred,
                        call -> proxy.ingress(call, server));
                proxy.servers.add(ingress);
                proxy.ingressPorts.put(server.portName(), ingress.port());
            }
            HttpListeners.Listener egress = serviceConnect.listeners().open(placement.taskAddress(), 0, proxy::egress);
            proxy.servers.add(egress);
            proxy.egressPort = egress.port();
        } catch (IOException e) {
            proxy.close();
            throw e;
        }
        return proxy;
    }

    public String taskId() {
        return placement.taskId();
    }

    public InetAddress taskAddress() {
        return placement.taskAddress();
    }

    /** Port name -> the port its ingress listener holds on the task address. */
    public Map<String, Integer> ingressPorts() {
        return Map.copyOf(ingressPorts);
    }

    public int egressPort() {
        return egressPort;
    }

    /** What the task's app containers get so their calls pass through this proxy. */
    public Map<String, String> environmentForApps() {
        String url = "http://" + placement.taskAddress().getHostAddress() + ":" + egressPort;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PROXY", url);
        env.put("http_proxy", url);
        env.put("NO_PROXY", "localhost,127.0.0.1," + placement.taskAddress().getHostAddress()
                + ",169.254.170.2,169.254.169.254");
        return env;
    }

    void bindApps(Map<String, Integer> ports) {
        appPorts.putAll(ports);
    }

    // ---------------------------------------------------------------- ingress

    private void ingress(HttpCall call, ServiceConnectConfig.Server server) {
        Instant start = Instant.now();
        Integer appPort = appPorts.get(server.portName());
        if (appPort == null) {
            answerIngress(call, server, start, Reply.plain(503, "upstream connect error: the app's port "
                    + server.portName() + " is not ready"), false);
            return;
        }
        serviceConnect.upstream().send(call.request(), placement.taskAddress().getHostAddress() + ":" + appPort,
                Map.of(), PER_REQUEST_TIMEOUT).whenComplete((response, unreachable) -> answerIngress(call, server, start,
                        unreachable == null ? Reply.of(response)
                                : Reply.plain(503, "upstream connect error or disconnect/reset before headers"),
                        unreachable == null));
    }

    private void answerIngress(HttpCall call, ServiceConnectConfig.Server server, Instant start, Reply answer,
                               boolean fromTarget) {
        Duration took = Duration.between(start, Instant.now());
        // Counted before the answer leaves, so whoever has the answer can already see it in the metrics.
        report(ServiceConnectTelemetry.Direction.INBOUND, server.discoveryName(), answer.status(), fromTarget, took);
        call.reply(answer, Map.of());
    }

    // ---------------------------------------------------------------- egress

    private void egress(HttpCall call) {
        Instant start = Instant.now();
        Upstream.BufferedRequest request = call.request();
        Optional<Authority> target = call.proxiedAuthority();
        if (target.isEmpty()) {
            return;
        }
        Authority authority = target.get();
        var server = serviceConnect.resolve(placement.config().namespace(), authority.host(), authority.port());
        if (server.isEmpty()) {
            passThrough(request, authority).thenAccept(reply -> call.reply(reply, Map.of()));
            return;
        }
        forward(request, server.get()).thenAccept(forwarded -> {
            Duration took = Duration.between(start, Instant.now());
            report(ServiceConnectTelemetry.Direction.OUTBOUND, server.get().config.discoveryName(),
                    forwarded.answer().status(), forwarded.fromTarget(), forwarded.targetTime());
            call.reply(forwarded.answer(), Map.of("x-envoy-upstream-service-time", String.valueOf(took.toMillis())));
        });
    }

    private record Forwarded(Reply answer, boolean fromTarget, Duration targetTime) {
    }

    private CompletableFuture<Forwarded> forward(Upstream.BufferedRequest request, ServiceConnect.Server server) {
        CompletableFuture<Forwarded> result = new CompletableFuture<>();
        tryEndpoint(request, server, new HashSet<>(), 0,
                new Forwarded(Reply.plain(503, "no healthy upstream"), false, Duration.ZERO), result);
        return result;
    }

    /** One try; a connection failure tries another endpoint, at most {@link #MAX_RETRIES} times. */
    private void tryEndpoint(Upstream.BufferedRequest request, ServiceConnect.Server server, Set<String> tried,
                             int attempt, Forwarded last, CompletableFuture<Forwarded> result) {
        List<Endpoint> all = new ArrayList<>(server.endpoints.values());
        Endpoint endpoint = attempt > MAX_RETRIES ? null : pick(server, all, tried);
        if (endpoint == null) {
            result.complete(last);
            return;
        }
        tried.add(endpoint.hostAndPort());
        long ejected = all.stream().filter(e -> outliers.isEjected(e.hostAndPort())).count();
        Instant sent = Instant.now();
        serviceConnect.upstream().send(request, endpoint.hostAndPort(), Map.of(), PER_REQUEST_TIMEOUT)
                .whenComplete((response, error) -> {
                    if (error == null) {
                        outliers.record(endpoint.hostAndPort(), response.status() >= 500, ejected, all.size());
                        result.complete(new Forwarded(Reply.of(response), true, Duration.between(sent, Instant.now())));
                        return;
                    }
                    outliers.record(endpoint.hostAndPort(), true, ejected, all.size());
                    Throwable cause = error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
                    if (cause instanceof HttpTimeoutException) {
                        result.complete(new Forwarded(Reply.plain(504, "upstream request timeout"), false, Duration.ZERO));
                        return;
                    }
                    tryEndpoint(request, server, tried, attempt + 1, new Forwarded(Reply.plain(503,
                            "upstream connect error or disconnect/reset before headers"), false, Duration.ZERO), result);
                });
    }

    /**
     * Healthy endpoints not ejected and not yet tried (healthy ones first; all of them when none is healthy), then
     * the revision by the canary's weights, then round robin within it.
     */
    Endpoint pick(ServiceConnect.Server server, List<Endpoint> all, Set<String> tried) {
        List<Endpoint> candidates = all.stream().filter(Endpoint::healthy).toList();
        if (candidates.isEmpty()) {
            candidates = all;
        }
        List<Endpoint> usable = candidates.stream().filter(e -> !tried.contains(e.hostAndPort()))
                .filter(e -> !outliers.isEjected(e.hostAndPort())).toList();
        if (usable.isEmpty()) {
            usable = candidates.stream().filter(e -> !tried.contains(e.hostAndPort())).toList();
        }
        if (usable.isEmpty()) {
            return null;
        }
        String revision = chooseRevision(server, usable);
        List<Endpoint> pool = new ArrayList<>(revision == null ? usable
                : usable.stream().filter(e -> e.revision().equals(revision)).toList());
        pool.sort(java.util.Comparator.comparing(Endpoint::hostAndPort));
        AtomicInteger cursor = cursors.computeIfAbsent(server.config.discoveryName() + "/" + revision,
                k -> new AtomicInteger());
        return pool.get(Math.floorMod(cursor.getAndIncrement(), pool.size()));
    }

    /** The revision the next request goes to under the service's split, or null when there is no split. */
    private String chooseRevision(ServiceConnect.Server server, List<Endpoint> usable) {
        Map<String, Integer> split = serviceConnect.split(server.owner);
        Set<String> present = new HashSet<>();
        usable.forEach(e -> present.add(e.revision()));
        List<Map.Entry<String, Integer>> weighted = split.entrySet().stream()
                .filter(e -> e.getValue() > 0 && present.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey()).toList();
        if (weighted.isEmpty()) {
            return null;
        }
        SmoothWeightedRoundRobin<Map.Entry<String, Integer>> picker = splitPickers.compute(
                server.config.discoveryName(), (k, old) -> old != null && old.items().equals(weighted) ? old
                        : new SmoothWeightedRoundRobin<>(weighted, Map.Entry::getValue));
        return picker.next().getKey();
    }

    private CompletableFuture<Reply> passThrough(Upstream.BufferedRequest request, Authority authority) {
        String host = authority.host();
        if (!authority.isIpLiteral()) {
            List<InetAddress> addresses = serviceConnect.dns().resolveIpv4(host);
            if (addresses.isEmpty()) {
                return CompletableFuture.completedFuture(Reply.plain(502, "could not resolve " + host
                        + " (not a Service Connect name in namespace " + placement.config().namespace() + ")"));
            }
            host = addresses.get(0).getHostAddress();
        }
        return serviceConnect.upstream().send(request, host + ":" + authority.port(), Map.of(), PER_REQUEST_TIMEOUT)
                .handle((response, failed) -> failed == null ? Reply.of(response)
                        : Reply.plain(502, "upstream connect error: " + (failed.getCause() != null
                                ? failed.getCause().getMessage() : failed.getMessage())));
    }

    private void report(ServiceConnectTelemetry.Direction direction, String discoveryName, int status,
                        boolean fromTarget, Duration targetTime) {
        try {
            serviceConnect.telemetry().requestServed(new ServiceConnectTelemetry.RequestServed(direction,
                    placement.cluster(), placement.service(), discoveryName, status, fromTarget, targetTime,
                    Instant.now()));
        } catch (RuntimeException ignored) {
            // telemetry must never fail a request
        }
    }

    @Override
    public void close() {
        servers.forEach(HttpListeners.Listener::close);
        servers.clear();
        serviceConnect.proxyStopped(this);
    }
}
