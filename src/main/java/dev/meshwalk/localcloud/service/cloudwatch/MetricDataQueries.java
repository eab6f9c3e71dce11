package dev.meshwalk.localcloud.service.cloudwatch;

import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One GetMetricData call: validates the queries, computes each MetricStat series, evaluates the
 * expressions (each once, in dependency order, cycles refused) and renders {@code MetricDataResults}.
 */
final class MetricDataQueries {

    private static final Pattern ID = Pattern.compile("^[a-z][a-zA-Z0-9_]*$");
    private static final int MAX_QUERIES = 500;
    private static final int MAX_SEARCH_RESULTS = 500;

    private record Query(int index, String id, MetricKey metric, Statistic stat, int period, String unit,
                         MetricMath expression, String label, boolean returnData) {
    }

    private final MetricStore store;
    private final Instant start;
    private final Instant end;
    private final Map<String, Query> queries = new LinkedHashMap<>();
    private final Map<String, MathValue> values = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    MetricDataQueries(MetricStore store, Params input) {
        this.store = store;
        this.start = input.instant("StartTime").orElseThrow(() -> CloudWatchErrors.missing("StartTime"));
        this.end = input.instant("EndTime").orElseThrow(() -> CloudWatchErrors.missing("EndTime"));
        if (!start.isBefore(end)) {
            throw CloudWatchErrors.invalidValue("The parameter StartTime must be less than the parameter EndTime.");
        }
        List<Params> list = input.structs("MetricDataQueries");
        if (list.isEmpty()) {
            throw CloudWatchErrors.missing("MetricDataQueries");
        }
        if (list.size() > MAX_QUERIES) {
            throw CloudWatchErrors.invalidValue("GetMetricData takes at most " + MAX_QUERIES + " queries");
        }
        for (int i = 0; i < list.size(); i++) {
            Query q = query(i + 1, list.get(i));
            if (queries.putIfAbsent(q.id(), q) != null) {
                throw CloudWatchErrors.invalidValue("The Id " + q.id() + " is used by more than one query; ids must be unique");
            }
        }
    }

    private static Query query(int n, Params q) {
        String path = "MetricDataQueries.member." + n;
        String id = q.string("Id").orElseThrow(() -> CloudWatchErrors.missing(path + ".Id"));
        if (!ID.matcher(id).matches()) {
            throw CloudWatchErrors.invalidValue("The value " + id + " for parameter " + path + ".Id is not valid: it must"
                    + " start with a lowercase letter and hold only letters, digits and underscores.");
        }
        boolean hasStat = q.has("MetricStat");
        boolean hasExpression = q.has("Expression");
        if (hasStat == hasExpression) {
            throw CloudWatchErrors.combination("Query " + id + " must have exactly one of MetricStat and Expression.");
        }
        String label = q.string("Label").orElse(null);
        boolean returnData = q.bool("ReturnData").orElse(true);
        if (hasExpression) {
            try {
                return new Query(n, id, null, null, q.integer("Period").orElse(60), null,
                        MetricMath.parse(q.required("Expression")), label, returnData);
            } catch (MetricMath.MathException e) {
                throw CloudWatchErrors.validation("Error in expression " + id + ": " + e.getMessage());
            }
        }
        Params stat = q.struct("MetricStat");
        Params metric = stat.struct("Metric");
        String namespace = metric.string("Namespace").orElseThrow(() -> CloudWatchErrors.missing(path + ".MetricStat.Metric.Namespace"));
        String name = metric.string("MetricName").orElseThrow(() -> CloudWatchErrors.missing(path + ".MetricStat.Metric.MetricName"));
        Map<String, String> dims = new TreeMap<>();
        for (Params d : metric.structs("Dimensions")) {
            dims.put(d.string("Name").orElseThrow(() -> CloudWatchErrors.missing(path + ".MetricStat.Metric.Dimensions.Name")),
                    d.string("Value").orElseThrow(() -> CloudWatchErrors.missing(path + ".MetricStat.Metric.Dimensions.Value")));
        }
        int period = stat.integer("Period").orElseThrow(() -> CloudWatchErrors.missing(path + ".MetricStat.Period"));
        checkPeriod(period, path + ".MetricStat.Period");
        String statName = stat.string("Stat").orElseThrow(() -> CloudWatchErrors.missing(path + ".MetricStat.Stat"));
        Statistic statistic = Statistic.parse(statName);
        if (statistic == null) {
            throw CloudWatchErrors.invalidValue("The value " + statName + " for parameter " + path + ".MetricStat.Stat is"
                    + " not valid; use Sum, Average, Minimum, Maximum, SampleCount or a percentile such as p99.");
        }
        return new Query(n, id, MetricKey.of(namespace, name, dims), statistic, period,
                stat.string("Unit").orElse(null), null, label, returnData);
    }

    static void checkPeriod(int period, String parameter) {
        if (period <= 0 || !(period % 60 == 0 || period == 1 || period == 5 || period == 10 || period == 20 || period == 30)) {
            throw CloudWatchErrors.invalidValue("The value " + period + " for parameter " + parameter
                    + " is not valid: use 1, 5, 10, 20, 30 or a multiple of 60 seconds.");
        }
    }

    /** Evaluates every query and renders the results of those with ReturnData true. */
    List<Object> results(boolean ascending) {
        List<Object> results = new ArrayList<>();
        for (Query q : queries.values()) {
            MathValue value = value(q.id());
            if (!q.returnData()) {
                continue;
            }
            if (value instanceof MathValue.Scalar) {
                throw CloudWatchErrors.validation("Error in expression " + q.id()
                        + ": the expression gives a single number, but it must give a time series");
            }
            List<MathValue.Series> series = value instanceof MathValue.SeriesList list
                    ? list.series() : List.of((MathValue.Series) value);
            for (MathValue.Series s : series) {
                String label = q.label() != null ? q.label()
                        : value instanceof MathValue.SeriesList ? s.label()
                        : q.metric() != null ? q.metric().name() : q.id();
                results.add(render(q.id(), label, s.points(), ascending));
            }
        }
        return results;
    }

    private MathValue value(String id) {
        MathValue known = values.get(id);
        if (known != null) {
            return known;
        }
        Query q = queries.get(id);
        MathValue v;
        if (q.metric() != null) {
            v = new MathValue.Series(q.metric().name(), statisticSeries(q.metric(), q.stat(), q.period(), q.unit()));
        } else {
            if (!evaluating.add(id)) {
                throw CloudWatchErrors.validation("Error in expression " + id + ": it refers back to itself");
            }
            try {
                v = q.expression().evaluate(environment());
            } catch (MetricMath.MathException e) {
                throw CloudWatchErrors.validation("Error in expression " + id + ": " + e.getMessage());
            } finally {
                evaluating.remove(id);
            }
        }
        values.put(id, v);
        return v;
    }

    private MetricMath.Environment environment() {
        return new MetricMath.Environment() {
            @Override
            public MathValue reference(String ref) throws MetricMath.MathException {
                if (!queries.containsKey(ref)) {
                    throw new MetricMath.MathException("Unrecognized id " + ref + "; refer to the Id of another query");
                }
                try {
                    return value(ref);
                } catch (AwsError e) {
                    throw new MetricMath.MathException(e.getMessage());
                }
            }

            @Override
            public List<MathValue.Series> metrics(String filter) {
                List<MathValue.Series> out = new ArrayList<>();
                for (Query q : queries.values()) {
                    if (q.metric() != null && q.id().contains(filter)) {
                        out.add((MathValue.Series) value(q.id()));
                    }
                }
                return out;
            }

            @Override
            public List<MathValue.Series> search(String query, String statName, int period) throws MetricMath.MathException {
                SearchQuery search;
                try {
                    search = SearchQuery.parse(query);
                } catch (SearchQuery.SearchSyntaxException e) {
                    throw new MetricMath.MathException(e.getMessage());
                }
                Statistic stat = Statistic.parse(statName);
                if (stat == null) {
                    throw new MetricMath.MathException("SEARCH statistic " + statName + " is not valid");
                }
                try {
                    checkPeriod(period, "SEARCH period");
                } catch (AwsError e) {
                    throw new MetricMath.MathException(e.getMessage());
                }
                List<MathValue.Series> out = new ArrayList<>();
                for (MetricKey metric : store.metrics()) {
                    if (out.size() >= MAX_SEARCH_RESULTS) {
                        break;
                    }
                    if (search.matches(metric)) {
                        out.add(new MathValue.Series(searchLabel(metric, search),
                                statisticSeries(metric, stat, period, null)));
                    }
                }
                return out;
            }
        };
    }

    /** SEARCH labels name the matched metric by its dimension values (schema order first), else its name. */
    private static String searchLabel(MetricKey metric, SearchQuery search) {
        List<String> parts = new ArrayList<>();
        for (String d : search.schemaDimensions()) {
            String v = metric.dimensions().get(d);
            if (v != null) {
                parts.add(v);
            }
        }
        if (parts.isEmpty()) {
            parts.addAll(metric.dimensions().values());
        }
        parts.add(0, metric.name());
        return String.join(" ", parts);
    }

    private NavigableMap<Long, Double> statisticSeries(MetricKey metric, Statistic stat, int period, String unit) {
        TreeMap<Long, Double> points = new TreeMap<>();
        store.periods(metric, start, end, period, unit).forEach((t, aggregate) -> {
            Double v = aggregate.statistic(stat);
            if (v != null) {
                points.put(t, v);
            }
        });
        return points;
    }

    private static Map<String, Object> render(String id, String label, NavigableMap<Long, Double> points,
                                              boolean ascending) {
        List<Object> timestamps = new ArrayList<>();
        List<Object> vals = new ArrayList<>();
        for (Map.Entry<Long, Double> e : (ascending ? points : points.descendingMap()).entrySet()) {
            timestamps.add(Instant.ofEpochSecond(e.getKey()));
            vals.add(e.getValue());
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Id", id);
        r.put("Label", label);
        r.put("Timestamps", Collections.unmodifiableList(timestamps));
        r.put("Values", Collections.unmodifiableList(vals));
        r.put("StatusCode", "Complete");
        r.put("Messages", List.of());
        return r;
    }
}
