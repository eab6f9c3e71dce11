package dev.meshwalk.localcloud.service.cloudwatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The statistics of a set of data points: what CloudWatch keeps per metric and second, and what it
 * sums over a period. Raw values (with their counts) are kept for percentiles up to
 * {@link #MAX_RAW_VALUES} per aggregate; beyond that percentiles come from the first values kept, and
 * statistic sets (which carry no values) never feed percentiles, as on CloudWatch.
 */
final class Aggregate {

    static final int MAX_RAW_VALUES = 2_000;

    private double sampleCount;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private final List<double[]> values = new ArrayList<>();
    private boolean statisticSetsOnly = true;

    /** One value observed {@code count} times. */
    void addValue(double value, double count) {
        if (count <= 0) {
            return;
        }
        sampleCount += count;
        sum += value * count;
        min = Math.min(min, value);
        max = Math.max(max, value);
        statisticSetsOnly = false;
        if (values.size() < MAX_RAW_VALUES) {
            values.add(new double[] {value, count});
        }
    }

    /** A pre-aggregated statistic set (PutMetricData StatisticValues). */
    void addStatistics(double count, double total, double minimum, double maximum) {
        sampleCount += count;
        sum += total;
        min = Math.min(min, minimum);
        max = Math.max(max, maximum);
    }

    void addAll(Aggregate other) {
        sampleCount += other.sampleCount;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        if (!other.statisticSetsOnly) {
            statisticSetsOnly = false;
        }
        for (double[] v : other.values) {
            if (values.size() >= MAX_RAW_VALUES) {
                break;
            }
            values.add(v);
        }
    }

    boolean isEmpty() {
        return sampleCount == 0;
    }

    /** The value of one statistic, or null when it cannot be computed from what was stored. */
    Double statistic(Statistic statistic) {
        if (isEmpty()) {
            return null;
        }
        return switch (statistic.kind()) {
            case SUM -> sum;
            case AVERAGE -> sum / sampleCount;
            case MINIMUM -> min;
            case MAXIMUM -> max;
            case SAMPLE_COUNT -> sampleCount;
            case PERCENTILE -> percentile(statistic.percentile());
        };
    }

    private Double percentile(double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<double[]> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingDouble(v -> v[0]));
        double total = 0;
        for (double[] v : sorted) {
            total += v[1];
        }
        double rank = Math.max(1, Math.ceil(p / 100.0 * total));
        double seen = 0;
        for (double[] v : sorted) {
            seen += v[1];
            if (seen >= rank) {
                return v[0];
            }
        }
        return sorted.get(sorted.size() - 1)[0];
    }
}
