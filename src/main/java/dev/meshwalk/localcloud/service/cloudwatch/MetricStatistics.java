package dev.meshwalk.localcloud.service.cloudwatch;

import dev.meshwalk.localcloud.service.AwsMap;
import dev.meshwalk.localcloud.service.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GetMetricStatistics}: one metric's statistics per period between two times, the older API that scripts and
 * {@code aws cloudwatch get-metric-statistics} use. Reads the same store as GetMetricData and alarms; datapoints come
 * in no particular order on AWS, here oldest first.
 */
final class MetricStatistics {

    private static final int MAX_DATAPOINTS = 1440;
    private static final List<String> STANDARD = List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");

    private MetricStatistics() {
    }

    static Map<String, Object> get(MetricStore store, Params input) {
        String namespace = input.string("Namespace").orElseThrow(() -> CloudWatchErrors.missing("Namespace"));
        String name = input.string("MetricName").orElseThrow(() -> CloudWatchErrors.missing("MetricName"));
        Instant start = input.instant("StartTime").orElseThrow(() -> CloudWatchErrors.missing("StartTime"));
        Instant end = input.instant("EndTime").orElseThrow(() -> CloudWatchErrors.missing("EndTime"));
        int period = input.integer("Period").orElseThrow(() -> CloudWatchErrors.missing("Period"));
        MetricDataQueries.checkPeriod(period, "Period");
        if (!start.isBefore(end)) {
            throw CloudWatchErrors.invalidValue("The parameter StartTime must be less than the parameter EndTime.");
        }
        long requested = (end.getEpochSecond() - start.getEpochSecond() + period - 1) / period;
        if (requested > MAX_DATAPOINTS) {
            throw CloudWatchErrors.combination("You have requested up to " + requested + " datapoints, which exceeds"
                    + " the limit of " + MAX_DATAPOINTS + ". You may reduce the datapoints requested by increasing"
                    + " Period, or decreasing the time range.");
        }
        List<String> statistics = input.strings("Statistics");
        List<String> extended = input.strings("ExtendedStatistics");
        if (statistics.isEmpty() == extended.isEmpty()) {
            throw CloudWatchErrors.combination("Must specify either Statistics or ExtendedStatistics, but not both.");
        }
        for (String s : statistics) {
            if (!STANDARD.contains(s)) {
                throw CloudWatchErrors.invalidValue("The value " + s + " for parameter Statistics is not valid; use "
                        + String.join(", ", STANDARD) + ".");
            }
        }
        for (String s : extended) {
            Statistic p = Statistic.parse(s);
            if (p == null || p.kind() != Statistic.Kind.PERCENTILE) {
                throw CloudWatchErrors.invalidValue("The value " + s + " for parameter ExtendedStatistics is not valid;"
                        + " use a percentile such as p99 or p99.9.");
            }
        }
        Map<String, String> dimensions = new TreeMap<>();
        for (Params d : input.structs("Dimensions")) {
            dimensions.put(d.string("Name").orElseThrow(() -> CloudWatchErrors.missing("Dimensions.member.N.Name")),
                    d.string("Value").orElseThrow(() -> CloudWatchErrors.missing("Dimensions.member.N.Value")));
        }
        MetricKey key = MetricKey.of(namespace, name, dimensions);
        String unit = input.string("Unit").orElse(null);
        String shownUnit = unit != null ? unit : store.unit(key).orElse("None");
        List<Object> datapoints = new ArrayList<>();
        store.periods(key, start, end, period, unit).forEach((second, aggregate) -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("Timestamp", Instant.ofEpochSecond(second));
            for (String s : statistics) {
                point.put(s, aggregate.statistic(Statistic.parse(s)));
            }
            point.put("Unit", shownUnit);
            if (!extended.isEmpty()) {
                AwsMap percentiles = new AwsMap();
                extended.forEach(s -> percentiles.put(s, aggregate.statistic(Statistic.parse(s))));
                point.put("ExtendedStatistics", percentiles);
            }
            datapoints.add(point);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Label", name);
        out.put("Datapoints", datapoints);
        return out;
    }
}
