package dev.meshwalk.localcloud.dataplane.mesh;

import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends an egress request to one of a cluster's endpoints (round robin per cluster), retrying as the route's
 * retry policy says within its overall timeout, and counts what happened in Envoy's terms
 * ({@code upstream_rq_retry}, {@code upstream_rq_per_try_timeout}, {@code upstream_cx_connect_fail}, ...).
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

    /** @param endpoints {@code ip:port}, not empty */
    Upstream.Answer forward(Upstream.BufferedRequest request, List<String> endpoints, String cluster,
                            RouteSpec.RetryPolicy retry, Duration overall, TraceContext trace) {
        long deadline = System.nanoTime() + overall.toNanos();
        AtomicInteger cursor = endpointCursors.computeIfAbsent(cluster, k -> new AtomicInteger());
        Upstream.Answer last = Upstream.Answer.plain(503, CONNECT_ERROR);
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
                Upstream.Answer answer = upstream.send(request, endpoint, Map.of(TraceContext.HEADER, trace.header()),
                        timeout);
                stats.countResponse("cluster." + cluster + ".upstream_rq", answer.status());
                if (!retry.retriesStatus(answer.status())) {
                    return answer;
                }
                last = answer;
            } catch (HttpTimeoutException timedOut) {
                stats.increment("cluster." + cluster + ".upstream_rq_per_try_timeout");
                last = Upstream.Answer.plain(504, "upstream request timeout");
            } catch (IOException failed) {
                stats.increment("cluster." + cluster + ".upstream_cx_connect_fail");
                last = Upstream.Answer.plain(503, CONNECT_ERROR);
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
}
