package dev.meshwalk.cloud;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;

/**
 * Service Connect's own numbers (chapters 4 and 5), which replace Envoy's statsd counters of chapters 2 and 3: ECS
 * publishes them in {@code AWS/ECS} per server, with the dimensions {@code ClusterName}, {@code ServiceName} and
 * {@code DiscoveryName} (what reached a service) besides client-side ones with {@code TargetDiscoveryName}. The pane
 * reads the server side of the project's cluster (named after the project in the chapters' templates): each request
 * is counted once, where it arrived.
 */
final class ServiceConnectMetrics {

    static final String NAMESPACE = "AWS/ECS";
    /** Metric, statistic, what the pane calls it. The response time is in milliseconds, unlike the ALB's seconds. */
    static final List<String[]> METRICS = List.of(
            new String[] {"RequestCount", "Sum", "requests"},
            new String[] {"HTTPCode_Target_5XX_Count", "Sum", "5xx"},
            new String[] {"TargetResponseTime", "Average", "response time ms"});
    private static final int MAX_SERVERS = 6;

    private ServiceConnectMetrics() {
    }

    /** The server-side dimension sets in {@code cluster}, one per Service Connect service, by discovery name. */
    static List<List<Dimension>> servers(CloudWatchClient cloudWatch, String cluster) {
        List<List<Dimension>> found = new ArrayList<>();
        try {
            String token = null;
            for (int page = 0; page < 20 && found.size() < MAX_SERVERS; page++) {
                String next = token;
                ListMetricsResponse response = cloudWatch.listMetrics(b -> b.namespace(NAMESPACE)
                        .metricName("RequestCount").nextToken(next));
                for (Metric m : response.metrics()) {
                    if (isServerOf(m, cluster) && found.size() < MAX_SERVERS && !found.contains(m.dimensions())) {
                        found.add(m.dimensions());
                    }
                }
                token = response.nextToken();
                if (token == null || token.isEmpty()) {
                    break;
                }
            }
        } catch (SdkException e) {
            throw new DeployException("Could not list Service Connect's metrics: " + SdkErrors.summary(e), e);
        }
        found.sort(Comparator.comparing(ServiceConnectMetrics::discoveryName));
        return found;
    }

    /** {@code ClusterName=cluster, ServiceName=..., DiscoveryName=...}: the server side, in our cluster. */
    static boolean isServerOf(Metric m, String cluster) {
        return m.dimensions().size() == 3 && cluster.equals(value(m.dimensions(), "ClusterName"))
                && value(m.dimensions(), "ServiceName") != null && value(m.dimensions(), "DiscoveryName") != null;
    }

    static String discoveryName(List<Dimension> dimensions) {
        return value(dimensions, "DiscoveryName");
    }

    private static String value(List<Dimension> dimensions, String name) {
        return dimensions.stream().filter(d -> d.name().equals(name)).map(Dimension::value).findFirst().orElse(null);
    }
}
