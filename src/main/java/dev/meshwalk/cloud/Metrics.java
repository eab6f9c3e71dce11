package dev.meshwalk.cloud;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * The numbers that matter per chapter, from GetMetricData: the load balancers' request count, target response
 * time and 2xx count (every chapter), and, once the mesh is in (chapters 2 and 3), the Envoy proxies' request
 * totals and 2xx/5xx per virtual node from the statsd metrics the CloudWatch agent puts in the project's
 * namespace.
 */
public final class Metrics {

    private static final String ALB_NAMESPACE = "AWS/ApplicationELB";
    private static final String LOAD_BALANCER_TYPE = "AWS::ElasticLoadBalancingV2::LoadBalancer";
    private static final List<String[]> ALB_METRICS = List.of(
            new String[] {"RequestCount", "Sum"},
            new String[] {"TargetResponseTime", "Average"},
            new String[] {"HTTPCode_Target_2XX_Count", "Sum"});
    private static final int MAX_ENVOY_SERIES = 18;

    private final CloudSession session;
    private final CloudWatchClient cloudWatch;

    public Metrics(CloudSession session) {
        this.session = session;
        this.cloudWatch = session.cloudWatch();
    }

    /**
     * The chapter's series over the last {@code window}, one point per {@code period}.
     *
     * @param withMesh whether to add the Envoy series (chapters 2 and 3)
     */
    public List<MetricSeries> forChapter(String stackName, String project, boolean withMesh, Duration window,
            Duration period) {
        Map<String, MetricDataQuery> queries = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, String> lb : new Stacks(session).physicalIds(stackName, LOAD_BALANCER_TYPE).entrySet()) {
            String dimension = loadBalancerDimension(lb.getValue());
            for (String[] m : ALB_METRICS) {
                String id = "m" + n++;
                Metric metric = Metric.builder().namespace(ALB_NAMESPACE).metricName(m[0])
                        .dimensions(Dimension.builder().name("LoadBalancer").value(dimension).build()).build();
                queries.put(id, query(id, metric, m[1], period));
                labels.put(id, "ALB " + lb.getKey() + " " + m[0] + " (" + m[1] + ")");
            }
        }
        if (withMesh) {
            for (Metric metric : envoyMetrics(project)) {
                String id = "m" + n++;
                queries.put(id, query(id, metric, "Sum", period));
                labels.put(id, envoyLabel(metric));
            }
        }
        if (queries.isEmpty()) {
            return List.of();
        }
        Instant end = Instant.now();
        Instant start = end.minus(window);
        Map<String, MetricSeries> byId = new LinkedHashMap<>();
        try {
            List<MetricDataQuery> all = new ArrayList<>(queries.values());
            for (int from = 0; from < all.size(); from += 100) {
                List<MetricDataQuery> batch = all.subList(from, Math.min(all.size(), from + 100));
                String token = null;
                for (int page = 0; page < 20; page++) {
                    String next = token;
                    GetMetricDataResponse response = cloudWatch.getMetricData(b -> b.startTime(start).endTime(end)
                            .metricDataQueries(batch).scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(next));
                    for (MetricDataResult r : response.metricDataResults()) {
                        MetricSeries previous = byId.get(r.id());
                        List<Instant> times = new ArrayList<>(previous == null ? List.of() : previous.timestamps());
                        List<Double> values = new ArrayList<>(previous == null ? List.of() : previous.values());
                        times.addAll(r.timestamps());
                        values.addAll(r.values());
                        byId.put(r.id(), new MetricSeries(labels.getOrDefault(r.id(), r.label()), times, values));
                    }
                    token = response.nextToken();
                    if (token == null || token.isEmpty()) {
                        break;
                    }
                }
            }
        } catch (SdkException e) {
            throw new DeployException("Could not read metrics: " + SdkErrors.summary(e), e);
        }
        List<MetricSeries> ordered = new ArrayList<>();
        for (String id : queries.keySet()) {
            ordered.add(byId.getOrDefault(id, new MetricSeries(labels.get(id), List.of(), List.of())));
        }
        return ordered;
    }

    /** {@code arn:...:loadbalancer/app/name/id} becomes the dimension value {@code app/name/id}. */
    static String loadBalancerDimension(String arnOrName) {
        int at = arnOrName.indexOf(":loadbalancer/");
        return at >= 0 ? arnOrName.substring(at + ":loadbalancer/".length()) : arnOrName;
    }

    /** The Envoy request counters in the project's namespace, per virtual node (ingress/egress totals, 2xx, 5xx). */
    private List<Metric> envoyMetrics(String project) {
        List<Metric> found = new ArrayList<>();
        try {
            String token = null;
            for (int page = 0; page < 20 && found.size() < MAX_ENVOY_SERIES; page++) {
                String next = token;
                ListMetricsResponse response = cloudWatch.listMetrics(b -> b.namespace(project).nextToken(next));
                for (Metric m : response.metrics()) {
                    String name = m.metricName().toLowerCase(Locale.ROOT);
                    boolean requests = name.contains("rq_total") || name.contains("rq_2xx") || name.contains("rq_5xx")
                            || (name.contains("rq") && hasDimension(m, "envoy.response_code_class"));
                    if (requests && found.size() < MAX_ENVOY_SERIES) {
                        found.add(m);
                    }
                }
                token = response.nextToken();
                if (token == null || token.isEmpty()) {
                    break;
                }
            }
        } catch (SdkException e) {
            throw new DeployException("Could not list the proxies' metrics: " + SdkErrors.summary(e), e);
        }
        found.sort((a, b) -> envoyLabel(a).compareTo(envoyLabel(b)));
        return found;
    }

    private static boolean hasDimension(Metric m, String name) {
        return m.dimensions().stream().anyMatch(d -> d.name().equals(name));
    }

    private static String envoyLabel(Metric m) {
        String node = m.dimensions().stream().filter(d -> d.name().equals("appmesh.virtual_node"))
                .map(Dimension::value).findFirst().orElse("");
        String others = m.dimensions().stream()
                .filter(d -> !d.name().equals("appmesh.virtual_node") && !d.name().equals("appmesh.mesh"))
                .map(d -> d.value()).collect(Collectors.joining(" "));
        return "Envoy " + (node.isEmpty() ? "" : node + " ") + m.metricName() + (others.isEmpty() ? "" : " " + others);
    }

    private static MetricDataQuery query(String id, Metric metric, String stat, Duration period) {
        return MetricDataQuery.builder().id(id).returnData(true)
                .metricStat(s -> s.metric(metric).period((int) Math.max(1, period.toSeconds())).stat(stat)).build();
    }
}
