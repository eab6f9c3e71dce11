package dev.meshwalk.localcloud.dataplane.mesh;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * An HTTP route of a virtual router: a match, weighted targets, an optional retry policy and per-request timeout.
 *
 * @param priority lower wins; null sorts after every numbered route (App Mesh then prefers longer prefixes)
 * @param retryPolicy null means App Mesh's default policy (2 retries on gateway errors and connection errors)
 * @param perRequestTimeout null means App Mesh's default of 15 s
 */
public record RouteSpec(String routerName, String name, Integer priority, Match match, List<WeightedTarget> targets,
                        RetryPolicy retryPolicy, Duration perRequestTimeout) {

    public RouteSpec {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " needs at least one weighted target");
        }
    }

    /** Prefix plus header conditions, all of which must hold. */
    public record Match(String prefix, List<HeaderMatch> headers) {
        public Match {
            prefix = prefix == null ? "/" : prefix;
            headers = List.copyOf(headers);
        }
    }

    /** One header condition; exactly one of exact/prefix/suffix/regex, or none to mean "present". */
    public record HeaderMatch(String name, String exact, String prefix, String suffix, String regex, boolean invert) {
        boolean matches(String value) {
            boolean result;
            if (value == null) {
                result = false;
            } else if (exact != null) {
                result = value.equals(exact);
            } else if (prefix != null) {
                result = value.startsWith(prefix);
            } else if (suffix != null) {
                result = value.endsWith(suffix);
            } else if (regex != null) {
                result = value.matches(regex);
            } else {
                result = true;
            }
            return invert != result;
        }
    }

    /** A virtual node and its relative weight. */
    public record WeightedTarget(String virtualNode, int weight) {
    }

    /** {@code httpRetryEvents}: server-error, gateway-error, client-error, stream-error; tcp: connection-error. */
    public record RetryPolicy(int maxRetries, Duration perRetryTimeout, Set<String> httpRetryEvents,
                              Set<String> tcpRetryEvents) {
        public RetryPolicy {
            httpRetryEvents = Set.copyOf(httpRetryEvents);
            tcpRetryEvents = Set.copyOf(tcpRetryEvents);
        }

        /** App Mesh's default policy for routes without one. */
        public static RetryPolicy appMeshDefault() {
            return new RetryPolicy(2, Duration.ofSeconds(15), Set.of("gateway-error"), Set.of("connection-error"));
        }

        boolean retriesStatus(int status) {
            return (httpRetryEvents.contains("server-error") && status >= 500)
                    || (httpRetryEvents.contains("gateway-error") && (status == 502 || status == 503 || status == 504))
                    || (httpRetryEvents.contains("client-error") && status == 409);
        }
    }
}
