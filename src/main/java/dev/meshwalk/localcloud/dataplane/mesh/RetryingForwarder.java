package dev.meshwalk.localcloud.dataplane.mesh;

import dev.meshwalk.localcloud.dataplane.net.Reply;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends an egress request to one of a cluster's endpoints (round robin per cluster), retrying as the route's
 * retry policy says within its overall timeout, and counts what happened in Envoy's terms
 * ({@code upstream_rq_retry}, {@code upstream_rq_per_try_timeout}, {@code upstream_cx_connect_fail},
 * {@code upstream_cx_total} for each connection opened, ...). Never blocks: each try continues when the previous
 * one's answer head (or failure) arrives.
 */
final class RetryingForwarder {

    private static final String CONNECT_ERROR = "upstream connect error or disconnect/reset before headers";

    private final Upstream upstream;
    private final ProxyStats stats;
    private final Map<String, AtomicInteger> endpointCursors = new ConcurrentHashMap<>();

    RetryingForwarder(Upstream upstream, ProxyStats stats) {
        this.upstream = upstream;
        this.stats = stats;
    }

    /** One forward in progress. */
    private record Attempt(Upstream.BufferedRequest request, List<String> endpoints, String cluster,
                           RouteSpec.RetryPolicy retry, long deadline, TraceContext trace, AtomicInteger cursor,
                           CompletableFuture<Reply> result) {
    }

    /** @param endpoints {@code ip:port}, not empty */
    CompletableFuture<Reply> forward(Upstream.BufferedRequest request, List<String> endpoints, String cluster,
                                     RouteSpec.RetryPolicy retry, Duration overall, TraceContext trace) {
        Attempt forward = new Attempt(request, endpoints, cluster, retry, System.nanoTime() + overall.toNanos(), trace,
                endpointCursors.computeIfAbsent(cluster, k -> new AtomicInteger()), new CompletableFuture<>());
        tryOnce(forward, 0, Reply.plain(503, CONNECT_ERROR));
        return forward.result();
    }

    private void tryOnce(Attempt forward, int attempt, Reply last) {
        String cluster = forward.cluster();
        if (attempt > forward.retry().maxRetries()) {
            forward.result().complete(last);
            return;
        }
        long remaining = forward.deadline() - System.nanoTime();
        if (remaining <= 0) {
            stats.increment("cluster." + cluster + ".upstream_rq_timeout");
            forward.result().complete(Reply.plain(504, "upstream request timeout"));
            return;
        }
        if (attempt > 0) {
            stats.increment("cluster." + cluster + ".upstream_rq_retry");
        }
        List<String> endpoints = forward.endpoints();
        String endpoint = endpoints.get(Math.floorMod(forward.cursor().getAndIncrement(), endpoints.size()));
        Duration timeout = Duration.ofNanos(Math.min(remaining, forward.retry().perRetryTimeout().toNanos()));
        upstream.send(forward.request(), endpoint, Map.of(TraceContext.HEADER, forward.trace().header()), timeout)
                .whenComplete((response, error) -> {
                    if (error == null) {
                        answered(forward, attempt, Reply.of(response));
                    } else {
                        failed(forward, attempt, error instanceof CompletionException c && c.getCause() != null
                                ? c.getCause() : error);
                    }
                });
    }

    private void answered(Attempt forward, int attempt, Reply reply) {
        String cluster = forward.cluster();
        if (reply.streamed().newConnection()) {
            stats.increment("cluster." + cluster + ".upstream_cx_total");
        }
        stats.countResponse("cluster." + cluster + ".upstream_rq", reply.status());
        if (!forward.retry().retriesStatus(reply.status()) || attempt >= forward.retry().maxRetries()) {
            forward.result().complete(reply);
            return;
        }
        reply.buffered().whenComplete((kept, broken) -> tryOnce(forward, attempt + 1,
                kept != null ? kept : Reply.plain(503, CONNECT_ERROR)));
    }

    private void failed(Attempt forward, int attempt, Throwable error) {
        String cluster = forward.cluster();
        RouteSpec.RetryPolicy retry = forward.retry();
        if (error instanceof HttpTimeoutException) {
            stats.increment("cluster." + cluster + ".upstream_rq_per_try_timeout");
            tryOnce(forward, attempt + 1, Reply.plain(504, "upstream request timeout"));
            return;
        }
        stats.increment("cluster." + cluster + ".upstream_cx_connect_fail");
        Reply last = Reply.plain(503, error instanceof IOException ? CONNECT_ERROR : CONNECT_ERROR + ": " + error);
        if (!retry.tcpRetryEvents().contains("connection-error") && !retry.httpRetryEvents().contains("gateway-error")) {
            forward.result().complete(last);
            return;
        }
        tryOnce(forward, attempt + 1, last);
    }
}
