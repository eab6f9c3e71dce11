package dev.meshwalk.localcloud.dataplane.elb;

/**
 * A target group's health check, in template units (seconds); intervals run compressed by LocalTimings.
 *
 * @param matcher HTTP codes counted as healthy: {@code 200}, {@code 200,302} or a range {@code 200-299}
 */
public record HealthCheckSpec(String path, int intervalSeconds, int timeoutSeconds, int healthyThreshold,
                              int unhealthyThreshold, String matcher) {

    /** ELBv2's defaults for an HTTP target group. */
    public static HealthCheckSpec defaults() {
        return new HealthCheckSpec("/", 30, 5, 5, 2, "200");
    }

    boolean matches(int status) {
        for (String part : matcher.split(",")) {
            String p = part.trim();
            if (p.contains("-")) {
                String[] range = p.split("-");
                if (status >= Integer.parseInt(range[0].trim()) && status <= Integer.parseInt(range[1].trim())) {
                    return true;
                }
            } else if (!p.isEmpty() && status == Integer.parseInt(p)) {
                return true;
            }
        }
        return false;
    }
}
