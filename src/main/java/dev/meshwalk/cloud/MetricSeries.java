package dev.meshwalk.cloud;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One metric over time, oldest first. {@code group} names what it measures (e.g. {@code ALB PublicLoadBalancer},
 * {@code Envoy front-node}) and {@code name} the number ({@code RequestCount}, {@code ingress 2xx}), so a view can
 * print a group once and its numbers under it; {@code seconds} says the values are durations in seconds (shown
 * as milliseconds).
 */
public record MetricSeries(String group, String name, boolean seconds, List<Instant> timestamps, List<Double> values) {

    public MetricSeries {
        timestamps = List.copyOf(timestamps);
        values = List.copyOf(values);
    }

    /** The label the learner reads when the series stands alone, e.g. {@code ALB PublicLoadBalancer RequestCount}. */
    public String label() {
        return group + " " + name;
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

    /**
     * The values on a time grid of {@code count} periods ending at {@code end}, oldest first, with {@code null} for a
     * period without a data point. CloudWatch leaves empty periods out of its answer; without the grid a sparkline
     * would squeeze a quiet minute out of the picture and put one point of a fresh deploy at the far left.
     */
    public List<Double> slots(Instant end, Duration period, int count) {
        List<Double> slots = new ArrayList<>(Collections.nCopies(count, (Double) null));
        long periodMillis = Math.max(1, period.toMillis());
        Instant start = end.minusMillis(periodMillis * count);
        for (int i = 0; i < timestamps.size() && i < values.size(); i++) {
            long offset = timestamps.get(i).toEpochMilli() - start.toEpochMilli();
            if (offset < 0) {
                continue;
            }
            int slot = (int) Math.min(count - 1, offset / periodMillis);
            Double before = slots.get(slot);
            slots.set(slot, before == null ? values.get(i) : Math.max(before, values.get(i)));
        }
        return slots;
    }
}
