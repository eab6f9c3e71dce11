package dev.meshwalk.localcloud.service.cloudwatch;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.Paging;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The local cloud's CloudWatch: metrics (PutMetricData, GetMetricData, ListMetrics), dashboards
 * (PutDashboard, GetDashboard, ListDashboards, DeleteDashboards) and metric alarms ({@link AlarmOperations},
 * evaluated on the compressed clock by {@link AlarmStore}). Every encoding the clients use (RPCv2 CBOR, awsQuery,
 * JSON 1.0) reaches the same operations through {@link #call}.
 */
public final class CloudWatchService implements AwsService, AutoCloseable {

    /** Units PutMetricData and GetMetricData accept (the StandardUnit enumeration). */
    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
            "Count/Second", "None");
    private static final Pattern DASHBOARD_NAME = Pattern.compile("^[A-Za-z0-9_-]{1,255}$");
    private static final int MAX_METRIC_DATA = 1000;
    private static final int MAX_VALUES = 150;
    private static final int MAX_DIMENSIONS = 30;
    private static final int LIST_PAGE = 500;
    /** CloudWatch's {@code NextToken}: the decimal offset of the next page, one error for any other text. */
    static final Paging TOKENS = Paging.decimalTokens("NextToken", token -> CloudWatchErrors.invalidNextToken());

    private final MetricStore metrics;
    private final DashboardStore dashboards = new DashboardStore();
    private final DashboardValidator validator = new DashboardValidator();
    private final AlarmStore alarms;
    private final AlarmOperations alarmOperations;

    /** With the default local timings for alarm periods. */
    public CloudWatchService(MetricStore metrics) {
        this(metrics, LocalTimings.defaults());
    }

    /** @param timings how alarm periods run locally (see {@link AlarmEvaluator}) */
    public CloudWatchService(MetricStore metrics, LocalTimings timings) {
        this.metrics = metrics;
        this.alarms = new AlarmStore(metrics, timings);
        this.alarmOperations = new AlarmOperations(alarms);
    }

    /** The dashboards, which the composition root may keep in a file across runs. */
    public DashboardStore dashboards() {
        return dashboards;
    }

    /** The alarms, which ECS deployments watch ({@link dev.meshwalk.localcloud.dataplane.AlarmStates}). */
    public AlarmStore alarms() {
        return alarms;
    }

    /** Stops alarm evaluation. */
    @Override
    public void close() {
        alarms.close();
    }

    /** The store PutMetricData writes; the telemetry intake's metric sink writes the same one. */
    public MetricStore metricStore() {
        return metrics;
    }

    @Override
    public String signingName() {
        return "monitoring";
    }

    @Override
    public Set<String> operations() {
        Set<String> all = new java.util.HashSet<>(AlarmOperations.NAMES);
        all.addAll(Set.of("PutMetricData", "GetMetricData", "GetMetricStatistics", "ListMetrics", "PutDashboard", "GetDashboard",
                "ListDashboards", "DeleteDashboards"));
        return Set.copyOf(all);
    }

    @Override
    public Object call(String operation, Params input, RequestContext context) {
        return switch (operation) {
            case "PutMetricData" -> putMetricData(input);
            case "GetMetricData" -> getMetricData(input);
            case "GetMetricStatistics" -> MetricStatistics.get(metrics, input);
            case "ListMetrics" -> listMetrics(input);
            case "PutDashboard" -> putDashboard(input);
            case "GetDashboard" -> getDashboard(input, context);
            case "ListDashboards" -> listDashboards(input, context);
            case "DeleteDashboards" -> deleteDashboards(input);
            case "PutMetricAlarm", "DescribeAlarms", "DeleteAlarms", "DescribeAlarmHistory", "SetAlarmState" ->
                    alarmOperations.call(operation, input, context);
            default -> throw new AwsError("InvalidAction", "InvalidAction", 400,
                    "The action " + operation + " is not valid for the local CloudWatch; supported: PutMetricData,"
                            + " GetMetricData, GetMetricStatistics, ListMetrics, PutDashboard, GetDashboard, ListDashboards, DeleteDashboards");
        };
    }

    // ---- metrics -------------------------------------------------------------------------------------

    /** A validated datum, written only once the whole request has passed validation (all or nothing). */
    private record Datum(MetricKey key, Instant timestamp, String unit, double[] values, double[] counts,
                         double[] statistics) {
    }

    private Map<String, Object> putMetricData(Params input) {
        String namespace = input.string("Namespace").orElseThrow(() -> CloudWatchErrors.missing("Namespace"));
        if (namespace.isEmpty() || namespace.length() > 255 || namespace.startsWith("AWS/") || namespace.startsWith(":")) {
            throw CloudWatchErrors.invalidValue("The value " + namespace + " for parameter Namespace is not valid:"
                    + " it must be 1-255 characters and must not start with \"AWS/\" (reserved for AWS services).");
        }
        List<Params> data = input.structs("MetricData");
        if (data.isEmpty()) {
            throw CloudWatchErrors.missing("MetricData");
        }
        if (data.size() > MAX_METRIC_DATA) {
            throw CloudWatchErrors.invalidValue("The collection MetricData must not have more than " + MAX_METRIC_DATA
                    + " members; split the request.");
        }
        Instant now = metrics.clock().instant();
        List<Datum> datums = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            datums.add(datum(namespace, data.get(i), "MetricData.member." + (i + 1), now));
        }
        for (Datum d : datums) {
            if (d.statistics() != null) {
                double[] s = d.statistics();
                metrics.putStatistics(d.key(), d.timestamp(), s[0], s[1], s[2], s[3], d.unit());
            } else {
                for (int v = 0; v < d.values().length; v++) {
                    metrics.putValue(d.key(), d.timestamp(), d.values()[v], d.counts()[v], d.unit());
                }
            }
        }
        return Map.of();
    }

    private static Datum datum(String namespace, Params m, String path, Instant now) {
        String name = m.string("MetricName").filter(s -> !s.isEmpty())
                .orElseThrow(() -> CloudWatchErrors.missing(path + ".MetricName"));
        if (name.length() > 255) {
            throw CloudWatchErrors.invalidValue("The parameter " + path + ".MetricName must be at most 255 characters.");
        }
        Map<String, String> dims = new TreeMap<>();
        List<Params> dimensions = m.structs("Dimensions");
        if (dimensions.size() > MAX_DIMENSIONS) {
            throw CloudWatchErrors.invalidValue("The collection " + path + ".Dimensions must not have more than "
                    + MAX_DIMENSIONS + " members.");
        }
        for (int d = 0; d < dimensions.size(); d++) {
            String dp = path + ".Dimensions.member." + (d + 1);
            String dn = dimensions.get(d).string("Name").filter(s -> !s.isEmpty())
                    .orElseThrow(() -> CloudWatchErrors.missing(dp + ".Name"));
            String dv = dimensions.get(d).string("Value").filter(s -> !s.isEmpty())
                    .orElseThrow(() -> CloudWatchErrors.missing(dp + ".Value"));
            if (dims.put(dn, dv) != null) {
                throw CloudWatchErrors.invalidValue("The dimension " + dn + " appears twice in " + path + ".Dimensions.");
            }
        }
        String unit = m.string("Unit").orElse("None");
        if (!UNITS.contains(unit)) {
            throw CloudWatchErrors.invalidValue("The value " + unit + " for parameter " + path + ".Unit is not valid.");
        }
        m.integer("StorageResolution").ifPresent(r -> {
            if (r != 1 && r != 60) {
                throw CloudWatchErrors.invalidValue("The value " + r + " for parameter " + path
                        + ".StorageResolution is not valid: use 1 or 60.");
            }
        });
        Instant timestamp = m.instant("Timestamp").orElse(now);
        if (timestamp.isAfter(now.plusSeconds(2 * 3600))) {
            throw CloudWatchErrors.invalidValue("The parameter " + path + ".Timestamp must not be more than two hours"
                    + " in the future.");
        }
        boolean hasValue = m.has("Value");
        boolean hasValues = m.has("Values");
        boolean hasStats = m.has("StatisticValues");
        if ((hasValue ? 1 : 0) + (hasValues ? 1 : 0) + (hasStats ? 1 : 0) > 1) {
            throw CloudWatchErrors.combination("The parameters " + path + ".Value, " + path + ".Values and " + path
                    + ".StatisticValues are mutually exclusive; send only one of them.");
        }
        MetricKey key = MetricKey.of(namespace, name, dims);
        if (hasStats) {
            Params s = m.struct("StatisticValues");
            double[] stats = new double[4];
            String[] members = {"SampleCount", "Sum", "Minimum", "Maximum"};
            for (int k = 0; k < 4; k++) {
                String member = members[k];
                stats[k] = finite(s.dbl(member).orElseThrow(() -> CloudWatchErrors.missing(path + ".StatisticValues." + member)),
                        path + ".StatisticValues." + member);
            }
            if (stats[0] <= 0 || stats[2] > stats[3]) {
                throw CloudWatchErrors.invalidValue("The parameter " + path + ".StatisticValues is not valid: SampleCount"
                        + " must be positive and Minimum must not exceed Maximum.");
            }
            return new Datum(key, timestamp, unit, null, null, stats);
        }
        if (hasValues) {
            List<Double> values = m.doubles("Values");
            List<Double> counts = m.doubles("Counts");
            if (values.size() > MAX_VALUES) {
                throw CloudWatchErrors.invalidValue("The collection " + path + ".Values must not have more than "
                        + MAX_VALUES + " members.");
            }
            if (!counts.isEmpty() && counts.size() != values.size()) {
                throw CloudWatchErrors.invalidValue("The parameters " + path + ".Values and " + path + ".Counts must"
                        + " have the same number of members.");
            }
            double[] v = new double[values.size()];
            double[] c = new double[values.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = finite(values.get(k), path + ".Values");
                c[k] = counts.isEmpty() ? 1 : finite(counts.get(k), path + ".Counts");
                if (c[k] < 0) {
                    throw CloudWatchErrors.invalidValue("The parameter " + path + ".Counts must not be negative.");
                }
            }
            return new Datum(key, timestamp, unit, v, c, null);
        }
        if (!hasValue) {
            throw CloudWatchErrors.missing(path + ".Value");
        }
        double value = finite(m.dbl("Value").orElseThrow(), path + ".Value");
        return new Datum(key, timestamp, unit, new double[] {value}, new double[] {1}, null);
    }

    private static double finite(double v, String parameter) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw CloudWatchErrors.invalidValue("The value " + v + " for parameter " + parameter + " is not valid:"
                    + " it must be a finite number.");
        }
        return v;
    }

    private Map<String, Object> getMetricData(Params input) {
        String scanBy = input.string("ScanBy").orElse("TimestampDescending");
        if (!scanBy.equals("TimestampDescending") && !scanBy.equals("TimestampAscending")) {
            throw CloudWatchErrors.invalidValue("The value " + scanBy + " for parameter ScanBy is not valid: use"
                    + " TimestampDescending or TimestampAscending.");
        }
        MetricDataQueries queries = new MetricDataQueries(metrics, input);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("MetricDataResults", queries.results(scanBy.equals("TimestampAscending")));
        out.put("Messages", List.of());
        return out;
    }

    private Map<String, Object> listMetrics(Params input) {
        String namespace = input.string("Namespace").orElse(null);
        String name = input.string("MetricName").orElse(null);
        List<Params> dimensionFilters = input.structs("Dimensions");
        input.string("RecentlyActive").ifPresent(r -> {
            if (!r.equals("PT3H")) {
                throw CloudWatchErrors.invalidValue("The value " + r + " for parameter RecentlyActive is not valid: the"
                        + " only value is PT3H.");
            }
        });
        List<Object> matched = new ArrayList<>();
        for (MetricKey key : metrics.metrics()) {
            if (namespace != null && !namespace.equals(key.namespace()) || name != null && !name.equals(key.name())) {
                continue;
            }
            boolean all = true;
            for (Params f : dimensionFilters) {
                String dn = f.string("Name").orElseThrow(() -> CloudWatchErrors.missing("Dimensions.member.N.Name"));
                String actual = key.dimensions().get(dn);
                String wanted = f.string("Value").orElse(null);
                if (actual == null || wanted != null && !wanted.equals(actual)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                matched.add(key.toTree());
            }
        }
        return TOKENS.fixedSize(LIST_PAGE).answer(matched, input, "Metrics");
    }

    // ---- dashboards ----------------------------------------------------------------------------------

    private Map<String, Object> putDashboard(Params input) {
        String name = input.string("DashboardName").orElseThrow(() -> CloudWatchErrors.missing("DashboardName"));
        if (!DASHBOARD_NAME.matcher(name).matches()) {
            throw CloudWatchErrors.dashboardInvalid("The value " + name + " for parameter DashboardName is not valid:"
                    + " use 1-255 letters, digits, '-' and '_'.");
        }
        String body = input.string("DashboardBody").orElseThrow(() -> CloudWatchErrors.missing("DashboardBody"));
        List<DashboardValidator.Message> problems = validator.validate(body);
        if (!problems.isEmpty()) {
            List<Object> messages = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (DashboardValidator.Message p : problems) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("DataPath", p.dataPath());
                m.put("Message", p.message());
                messages.add(m);
                text.append(text.length() == 0 ? "" : "; ").append(p.dataPath().isEmpty() ? "body" : p.dataPath())
                        .append(": ").append(p.message());
            }
            throw CloudWatchErrors.dashboardInvalid("The dashboard body is invalid, there are " + problems.size()
                    + " validation errors: " + text).withMember("dashboardValidationMessages", messages);
        }
        dashboards.put(new DashboardStore.Dashboard(name, body, metrics.clock().instant()));
        return Map.of("DashboardValidationMessages", List.of());
    }

    private Map<String, Object> getDashboard(Params input, RequestContext context) {
        String name = input.string("DashboardName").orElseThrow(() -> CloudWatchErrors.missing("DashboardName"));
        DashboardStore.Dashboard d = dashboards.get(name);
        if (d == null) {
            throw CloudWatchErrors.dashboardNotFound("Dashboard " + name + " does not exist");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("DashboardArn", arn(context, name));
        out.put("DashboardBody", d.body());
        out.put("DashboardName", name);
        return out;
    }

    private Map<String, Object> listDashboards(Params input, RequestContext context) {
        String prefix = input.string("DashboardNamePrefix").orElse("");
        List<Object> entries = new ArrayList<>();
        for (DashboardStore.Dashboard d : dashboards.all()) {
            if (d.name().startsWith(prefix)) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("DashboardName", d.name());
                e.put("DashboardArn", arn(context, d.name()));
                e.put("LastModified", d.lastModified());
                e.put("Size", (long) d.body().getBytes(StandardCharsets.UTF_8).length);
                entries.add(e);
            }
        }
        return TOKENS.fixedSize(1000).answer(entries, input, "DashboardEntries");
    }

    private Map<String, Object> deleteDashboards(Params input) {
        List<String> names = input.strings("DashboardNames");
        if (names.isEmpty()) {
            throw CloudWatchErrors.missing("DashboardNames");
        }
        List<String> missing = names.stream().filter(n -> !dashboards.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw CloudWatchErrors.dashboardNotFound("The specified dashboard does not exist. Missing: "
                    + String.join(", ", missing) + " (nothing was deleted)");
        }
        dashboards.remove(names);
        return Map.of();
    }

    private static String arn(RequestContext context, String name) {
        String account = context == null || context.accountId() == null ? RequestContext.DEFAULT_ACCOUNT : context.accountId();
        return AwsIds.arn("cloudwatch", "", account, "dashboard/" + name);
    }
}
