package dev.meshwalk.cloud;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * time and 2xx count (every chapter), and, once the mesh is in (chapters 2 and 3), the Envoy proxies' ingress and
 * egress requests and 2xx/5xx per virtual node from the statsd metrics the CloudWatch agent puts in the
 * project's namespace. Series are named for reading ({@code Envoy front-node} / {@code egress 2xx}), not with the
 * statsd names and cluster ids, which are too long for a terminal line and say the same thing. Chapters 4 and 5
 * have no Envoy of their own: Service Connect's metrics take that place ({@link ServiceConnectMetrics}).
 */
public final class Metrics {

    private static final String ALB_NAMESPACE = "AWS/ApplicationELB";
    private static final String LOAD_BALANCER_TYPE = "AWS::ElasticLoadBalancingV2::LoadBalancer";
    private static final List<String[]> ALB_METRICS = List.of(
            new String[] {"RequestCount", "Sum", "RequestCount"},
            new String[] {"TargetResponseTime", "Average", "TargetResponseTime"},
            new String[] {"HTTPCode_Target_2XX_Count", "Sum", "Target 2XX count"});
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
        return forChapter(stackName, project, withMesh, window, period, Instant.now());
    }

    /** As above, for the window that ends at {@code end} (a period boundary keeps a half-filled period out). */
    public List<MetricSeries> forChapter(String stackName, String project, boolean withMesh, Duration window,
            Duration period, Instant end) {
        return forChapter(stackName, project, withMesh, false, window, period, end);
    }

    /**
     * As above; {@code withServiceConnect} adds Service Connect's requests, 5xx and response time per server in
     * the project's cluster (chapters 4 and 5).
     */
    public List<MetricSeries> forChapter(String stackName, String project, boolean withMesh, boolean withServiceConnect,
            Duration window, Duration period, Instant end) {
        Map<String, MetricDataQuery> queries = new LinkedHashMap<>();
        Map<String, MetricSeries> labels = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, String> lb : new Stacks(session).physicalIds(stackName, LOAD_BALANCER_TYPE).entrySet()) {
            String dimension = loadBalancerDimension(lb.getValue());
            for (String[] m : ALB_METRICS) {
                String id = "m" + n++;
                Metric metric = Metric.builder().namespace(ALB_NAMESPACE).metricName(m[0])
                        .dimensions(Dimension.builder().name("LoadBalancer").value(dimension).build()).build();
                queries.put(id, query(id, metric, m[1], period));
                labels.put(id, named("ALB " + lb.getKey(), m[2], m[0].equals("TargetResponseTime")));
            }
        }
        if (withMesh) {
            for (Metric metric : envoyMetrics(project)) {
                String id = "m" + n++;
                queries.put(id, query(id, metric, "Sum", period));
                labels.put(id, named(envoyGroup(metric), envoyName(metric), false));
            }
        }
        if (withServiceConnect) {
            for (List<Dimension> server : ServiceConnectMetrics.servers(cloudWatch, project)) {
                for (String[] m : ServiceConnectMetrics.METRICS) {
                    String id = "m" + n++;
                    Metric metric = Metric.builder().namespace(ServiceConnectMetrics.NAMESPACE).metricName(m[0])
                            .dimensions(server).build();
                    queries.put(id, query(id, metric, m[1], period));
                    labels.put(id, named("Service Connect " + ServiceConnectMetrics.discoveryName(server), m[2], false));
                }
            }
        }
        if (queries.isEmpty()) {
            return List.of();
        }
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
                        MetricSeries named = labels.getOrDefault(r.id(), named(r.label(), "", false));
                        byId.put(r.id(), new MetricSeries(named.group(), named.name(), named.seconds(), times, values));
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
            ordered.add(byId.getOrDefault(id, labels.get(id)));
        }
        return ordered;
    }

    /** {@code arn:...:loadbalancer/app/name/id} becomes the dimension value {@code app/name/id}. */
    static String loadBalancerDimension(String arnOrName) {
        int at = arnOrName.indexOf(":loadbalancer/");
        return at >= 0 ? arnOrName.substring(at + ":loadbalancer/".length()) : arnOrName;
    }

    /**
     * The Envoy request counters in the project's namespace, per virtual node: the HTTP connection managers'
     * ingress/egress totals and response classes (2xx, 5xx...). The per-cluster upstream counters count the same
     * requests once more per destination and are left out, so a chapter-3 mesh fits a screen.
     */
    private List<Metric> envoyMetrics(String project) {
        List<Metric> found = new ArrayList<>();
        try {
            String token = null;
            for (int page = 0; page < 20 && found.size() < MAX_ENVOY_SERIES; page++) {
                String next = token;
                ListMetricsResponse response = cloudWatch.listMetrics(b -> b.namespace(project).nextToken(next));
                for (Metric m : response.metrics()) {
                    if (isDownstreamRequests(m) && found.size() < MAX_ENVOY_SERIES) {
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
        found.sort(Comparator.comparing(Metrics::envoyGroup).thenComparing(Metrics::envoyOrder));
        return found;
    }

    /** {@code envoy.http.downstream_rq_total}, {@code ..._rq_xx} with a class, or {@code ..._rq_2xx}-style names. */
    static boolean isDownstreamRequests(Metric m) {
        String name = m.metricName().toLowerCase(Locale.ROOT);
        if (!name.contains("downstream_rq")) {
            return false;
        }
        return name.endsWith("downstream_rq_total") || name.matches(".*downstream_rq_[1-5]xx")
                || (name.endsWith("downstream_rq_xx") && dimension(m, "envoy.response_code_class") != null);
    }

    /** {@code Envoy front-node}: the virtual node without the mesh-name prefix every node of the mesh carries. */
    static String envoyGroup(Metric m) {
        String node = dimension(m, "appmesh.virtual_node");
        String mesh = dimension(m, "appmesh.mesh");
        if (node == null) {
            return "Envoy";
        }
        if (mesh != null && node.startsWith(mesh + "-") && node.length() > mesh.length() + 1) {
            node = node.substring(mesh.length() + 1);
        }
        return "Envoy " + node;
    }

    /** {@code ingress requests}, {@code egress 2xx}: the listener side and what is counted. */
    static String envoyName(Metric m) {
        String side = dimension(m, "envoy.http_conn_manager_prefix");
        String name = m.metricName().toLowerCase(Locale.ROOT);
        String counted;
        if (name.endsWith("_rq_total")) {
            counted = "requests";
        } else if (name.endsWith("_rq_xx")) {
            counted = dimension(m, "envoy.response_code_class") + "xx";
        } else {
            counted = name.substring(name.lastIndexOf('_') + 1);
        }
        return (side == null ? "" : side + " ") + counted;
    }

    /** Within a node: ingress before egress, and on each side the request total before its classes. */
    private static String envoyOrder(Metric m) {
        String side = dimension(m, "envoy.http_conn_manager_prefix");
        String name = envoyName(m);
        return ("ingress".equals(side) ? "0" : "1") + (name.endsWith("requests") ? "0" : "1") + name;
    }

    private static String dimension(Metric m, String name) {
        return m.dimensions().stream().filter(d -> d.name().equals(name)).map(Dimension::value).findFirst().orElse(null);
    }

    private static MetricSeries named(String group, String name, boolean seconds) {
        return new MetricSeries(group, name, seconds, List.of(), List.of());
    }

    private static MetricDataQuery query(String id, Metric metric, String stat, Duration period) {
        return MetricDataQuery.builder().id(id).returnData(true)
                .metricStat(s -> s.metric(metric).period((int) Math.max(1, period.toSeconds())).stat(stat)).build();
    }
}
