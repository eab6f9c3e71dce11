package dev.meshwalk.localcloud.dataplane.elb;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A target group at run time: its targets, their health as the health checker sees it, and round-robin
 * choice among healthy ones. Health checks run on the shared scheduler at the compressed interval and use
 * the asynchronous HTTP client, so an idle target group holds no thread.
 *
 * <p>As on AWS: a new target is {@code initial} until {@code healthyThreshold} checks pass; it leaves rotation
 * after {@code unhealthyThreshold} failures; a deregistered target is {@code draining} (no new requests) for
 * the compressed deregistration delay and then removed. When no target is healthy the group fails open and
 * routes to every registered, non-draining target, as ALB does.
 */
public final class TargetGroup {

    private final String arn;
    private final TargetGroupSpec spec;
    private final LocalTimings timings;
    private final Upstream upstream;
    private final ScheduledExecutorService scheduler;
    private final Map<Target, TargetState> targets = new ConcurrentHashMap<>();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong healthChecksSent = new java.util.concurrent.atomic.AtomicLong();
    private final ScheduledFuture<?> healthChecks;

    TargetGroup(String arn, TargetGroupSpec spec, LocalTimings timings, Upstream upstream,
                ScheduledExecutorService scheduler) {
        this.arn = arn;
        this.spec = spec;
        this.timings = timings;
        this.upstream = upstream;
        this.scheduler = scheduler;
        long interval = timings.seconds(spec.healthCheck().intervalSeconds()).toMillis();
        this.healthChecks = scheduler.scheduleWithFixedDelay(this::checkAll, interval / 4, interval,
                TimeUnit.MILLISECONDS);
    }

    public String arn() {
        return arn;
    }

    public TargetGroupSpec spec() {
        return spec;
    }

    /** Registers a target; it takes traffic once its health checks pass. */
    public void register(Target target) {
        targets.compute(target, (t, old) -> old != null && old.state != TargetHealth.State.DRAINING ? old
                : new TargetState(TargetHealth.State.INITIAL, "Elb.RegistrationInProgress",
                        "Target registration is in progress"));
    }

    /**
     * Starts draining a target; the future completes when the compressed deregistration delay has passed and
     * the target is gone (ECS stops the task only then).
     */
    public CompletableFuture<Void> deregister(Target target) {
        TargetState state = targets.get(target);
        if (state == null) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (state) {
            state.state = TargetHealth.State.DRAINING;
            state.reason = "Target.DeregistrationInProgress";
            state.description = "Target deregistration is in progress";
        }
        CompletableFuture<Void> drained = new CompletableFuture<>();
        long delay = timings.seconds(spec.deregistrationDelaySeconds()).toMillis();
        scheduler.schedule(() -> {
            targets.remove(target, state);
            drained.complete(null);
        }, delay, TimeUnit.MILLISECONDS);
        return drained;
    }

    public List<TargetHealth> health() {
        List<TargetHealth> out = new ArrayList<>();
        targets.forEach((t, s) -> {
            synchronized (s) {
                out.add(new TargetHealth(t, s.state, s.reason, s.description));
            }
        });
        return out;
    }

    /** The next target for a request, or empty when none is registered (the listener answers 503). */
    Optional<Target> next() {
        List<Target> healthy = new ArrayList<>();
        List<Target> routable = new ArrayList<>();
        targets.forEach((t, s) -> {
            if (s.state == TargetHealth.State.HEALTHY) {
                healthy.add(t);
            }
            if (s.state != TargetHealth.State.DRAINING) {
                routable.add(t);
            }
        });
        List<Target> pool = healthy.isEmpty() ? routable : healthy;
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        pool.sort(java.util.Comparator.comparing(Target::hostAndPort));
        return Optional.of(pool.get(Math.floorMod(roundRobin.getAndIncrement(), pool.size())));
    }

    /**
     * Locally health checks run {@code 1/factor} times as often as on AWS (every 0.5 s instead of 60 s), so if each
     * were traced the service map would show {@code 1/factor} times AWS's share of {@code /ping} requests. Only
     * every {@code 1/factor}-th check goes out as AWS sends it (no trace header: the first instrumented hop starts
     * a sampled trace); the others carry {@code Sampled=0}, which the apps and mesh proxies honour, so the map
     * keeps AWS's proportion of health checks while target health still follows every check.
     */
    private Map<String, String> healthCheckTraceHeader() {
        long every = Math.max(1, Math.round(1 / timings.factor()));
        if (Math.floorMod(healthChecksSent.getAndIncrement(), every) == 0) {
            return Map.of();
        }
        return Map.of("X-Amzn-Trace-Id", "Root=" + AwsIds.traceRoot() + ";Sampled=0");
    }

    private void checkAll() {
        HealthCheckSpec check = spec.healthCheck();
        Duration timeout = timings.timeout(check.timeoutSeconds());
        targets.forEach((target, state) -> {
            if (state.state == TargetHealth.State.DRAINING) {
                return;
            }
            upstream.probe("http://" + target.hostAndPort() + check.path(), timeout, healthCheckTraceHeader()).whenComplete((response, error) -> {
                boolean passed = error == null && check.matches(response.statusCode());
                record(state, passed, passed ? null : Failure.of(error, response));
            });
        });
    }

    /** Why a check failed, in ELBv2's reason codes and descriptions. */
    record Failure(String reason, String description) {
        static Failure of(Throwable error, Upstream.Probe response) {
            if (error == null) {
                return new Failure("Target.ResponseCodeMismatch",
                        "Health checks failed with these codes: [" + response.statusCode() + "]");
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            return timedOut(cause)
                    ? new Failure("Target.Timeout", "Request timed out")
                    : new Failure("Target.FailedHealthChecks", "Health checks failed");
        }

        /**
         * Whichever clock ran out: the probe's own deadline, the upstream's wait for the answer's head (the two
         * race on a busy machine, with the same timeout) or the connect. ELB reports a target that does not
         * accept the connection in time as a timeout too; only a refused or reset connection is a failed check.
         */
        private static boolean timedOut(Throwable cause) {
            return cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException
                    || cause instanceof io.netty.channel.ConnectTimeoutException
                    || cause instanceof java.net.SocketTimeoutException;
        }
    }

    private void record(TargetState state, boolean passed, Failure failure) {
        HealthCheckSpec check = spec.healthCheck();
        synchronized (state) {
            if (state.state == TargetHealth.State.DRAINING) {
                return;
            }
            if (passed) {
                state.failures = 0;
                state.successes++;
                if (state.successes >= check.healthyThreshold()) {
                    state.state = TargetHealth.State.HEALTHY;
                    state.reason = null;
                    state.description = null;
                } else if (state.state == TargetHealth.State.INITIAL) {
                    state.reason = "Elb.InitialHealthChecking";
                    state.description = "Initial health checks in progress";
                }
            } else {
                state.successes = 0;
                state.failures++;
                if (state.failures >= check.unhealthyThreshold()) {
                    state.state = TargetHealth.State.UNHEALTHY;
                    state.reason = failure.reason();
                    state.description = failure.description();
                } else if (state.state == TargetHealth.State.INITIAL) {
                    state.reason = "Elb.InitialHealthChecking";
                    state.description = "Initial health checks in progress";
                }
            }
        }
    }

    void close() {
        healthChecks.cancel(false);
    }

    private static final class TargetState {
        TargetHealth.State state;
        String reason;
        String description;
        int successes;
        int failures;

        TargetState(TargetHealth.State state, String reason, String description) {
            this.state = state;
            this.reason = reason;
            this.description = description;
        }
    }
}
