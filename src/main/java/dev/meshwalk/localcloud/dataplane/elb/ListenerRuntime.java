package dev.meshwalk.localcloud.dataplane.elb;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.net.HttpCall;
import dev.meshwalk.localcloud.dataplane.net.HttpListeners;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * One listener's request path: match rules by priority, pick a target of the chosen group round-robin, forward
 * with the headers an ALB adds ({@code X-Forwarded-For/-Proto/-Port}, {@code X-Amzn-Trace-Id}), answer 503
 * when the group has no target and 502 when the target fails, as ALB does.
 */
final class ListenerRuntime implements HttpListeners.HttpHandler {

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    private volatile Listener listener;
    private final String defaultTargetGroupArn;
    private final Function<String, TargetGroup> targetGroups;
    private final Upstream upstream;
    private final AwsIds ids;
    private final LoadBalancerTelemetry telemetry;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private volatile HttpListeners.Listener server;

    ListenerRuntime(String defaultTargetGroupArn, Function<String, TargetGroup> targetGroups,
                    Upstream upstream, AwsIds ids, LoadBalancerTelemetry telemetry) {
        this.telemetry = telemetry;
        this.defaultTargetGroupArn = defaultTargetGroupArn;
        this.targetGroups = targetGroups;
        this.upstream = upstream;
        this.ids = ids;
    }

    record Rule(String arn, RuleSpec spec, List<PathPattern> patterns) {
    }

    /** Binds this runtime to its started server and the listener record (with the real port). */
    void attach(HttpListeners.Listener started, Listener bound) {
        this.server = started;
        this.listener = bound;
    }

    Listener listener() {
        return listener;
    }

    void addRule(String arn, RuleSpec spec) {
        rules.add(new Rule(arn, spec, spec.pathPatterns().stream().map(PathPattern::new).toList()));
        rules.sort(Comparator.comparingInt(r -> r.spec().priority()));
    }

    boolean removeRule(String arn) {
        return rules.removeIf(r -> r.arn().equals(arn));
    }

    @Override
    public void handle(HttpCall call) {
        Upstream.BufferedRequest request = call.request();
        String groupArn = route(request.path());
        TargetGroup group = groupArn == null ? null : targetGroups.apply(groupArn);
        Optional<Target> target = group == null ? Optional.empty() : group.next();
        if (target.isEmpty()) {
            call.respond(Upstream.Answer.plain(503, "503 Service Temporarily Unavailable"), Map.of());
            report(groupArn, group, 503, false, Duration.ZERO);
            return;
        }
        Map<String, String> added = Map.of(
                "X-Forwarded-For", forwardedFor(request),
                "X-Forwarded-Proto", "http",
                "X-Forwarded-Port", String.valueOf(listener.port()),
                "X-Amzn-Trace-Id", traceHeader(request));
        long sent = System.nanoTime();
        upstream.send(request, target.get().hostAndPort(), added, IDLE_TIMEOUT).whenComplete((response, unreachable) -> {
            if (unreachable != null) {
                call.respond(Upstream.Answer.plain(502, "502 Bad Gateway"), Map.of());
                report(groupArn, group, 502, false, Duration.ZERO);
                return;
            }
            report(groupArn, group, response.status(), true, Duration.ofNanos(System.nanoTime() - sent));
            call.relay(response, Map.of(), complete -> { });
        });
    }

    private void report(String groupArn, TargetGroup group, int status, boolean fromTarget, Duration targetTime) {
        try {
            int healthy = 0;
            int unhealthy = 0;
            if (group != null) {
                for (TargetHealth health : group.health()) {
                    if (health.state() == TargetHealth.State.HEALTHY) {
                        healthy++;
                    } else if (health.state() == TargetHealth.State.UNHEALTHY) {
                        unhealthy++;
                    }
                }
            }
            telemetry.requestServed(new LoadBalancerTelemetry.LoadBalancerRequestServed(listener.loadBalancerArn(),
                    groupArn, status, fromTarget, targetTime, java.time.Instant.now(), healthy, unhealthy));
        } catch (RuntimeException telemetryFailure) {
            // metrics are best effort: a failing sink must never fail the request it describes
        }
    }

    private String route(String path) {
        for (Rule rule : rules) {
            if (rule.patterns().stream().anyMatch(p -> p.matches(path))) {
                return rule.spec().targetGroupArn();
            }
        }
        return defaultTargetGroupArn;
    }

    private static String forwardedFor(Upstream.BufferedRequest request) {
        String existing = request.header("X-Forwarded-For");
        return existing == null ? request.clientAddress() : existing + ", " + request.clientAddress();
    }

    /** Keeps a caller's trace id (adding this hop as {@code Self}), or starts one, like ALB. */
    private String traceHeader(Upstream.BufferedRequest request) {
        String existing = request.header("X-Amzn-Trace-Id");
        String self = "Self=" + AwsIds.traceRoot();
        if (existing == null || !existing.contains("Root=")) {
            return "Root=" + AwsIds.traceRoot();
        }
        return self + ";" + existing.replaceAll("Self=[^;]*;?", "");
    }

    void close() {
        HttpListeners.Listener running = server;
        if (running != null) {
            running.close();
        }
    }
}
