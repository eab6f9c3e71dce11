package dev.meshwalk.cloud;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One metric over time, oldest first, with the label the learner reads (e.g. {@code ALB PublicLoadBalancer
 * RequestCount (Sum)}).
 */
public record MetricSeries(String label, List<Instant> timestamps, List<Double> values) {

    public MetricSeries {
        timestamps = List.copyOf(timestamps);
        values = List.copyOf(values);
    }

    public OptionalDouble min() {
        return values.stream().mapToDouble(Double::doubleValue).min();
    }

    public OptionalDouble max() {
        return values.stream().mapToDouble(Double::doubleValue).max();
    }

    public OptionalDouble last() {
        return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values.get(values.size() - 1));
    }
}
