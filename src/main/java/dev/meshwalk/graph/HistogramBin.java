package dev.meshwalk.graph;

/**
 * One entry of an X-Ray response-time histogram: {@code count} requests took {@code seconds}.
 * X-Ray sends one entry per distinct value, in no particular order.
 */
public record HistogramBin(double seconds, long count) {

    public HistogramBin {
        if (count < 0) {
            throw new IllegalArgumentException("histogram count cannot be negative");
        }
    }
}
