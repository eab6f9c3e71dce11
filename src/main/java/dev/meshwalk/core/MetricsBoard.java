package dev.meshwalk.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A chapter's CloudWatch numbers on one even time grid: {@code points} periods of {@code period}, oldest first,
 * newest last. Each row keeps its grid values ({@code null} for a period without data, so quiet time stays visible)
 * and the last and highest values. Drawn by {@link BoardText#metrics}, for the metrics pane and the scripted
 * {@code metrics} alike.
 *
 * @param rows in the order to show them; rows of one group (a load balancer, an Envoy virtual node) are adjacent
 */
public record MetricsBoard(String chapterId, Duration period, int points, List<Row> rows) implements Board {

    /**
     * One number over time.
     *
     * @param group   what it measures, e.g. {@code ALB PublicLoadBalancer} or {@code Envoy front-node}
     * @param name    the number, e.g. {@code RequestCount} or {@code ingress 2xx}
     * @param seconds the values are durations in seconds (shown in milliseconds)
     * @param slots   one value per period of the grid, {@code null} where CloudWatch had no point
     */
    public record Row(String group, String name, boolean seconds, List<Double> slots, OptionalDouble last,
            OptionalDouble max) {

        public Row {
            slots = Collections.unmodifiableList(new ArrayList<>(slots)); // List.copyOf refuses the nulls of gaps
        }

        /** Whether CloudWatch had no point at all for it in the window. */
        public boolean empty() {
            return last.isEmpty();
        }
    }

    public MetricsBoard {
        rows = List.copyOf(rows);
    }

    /** How far back the grid reaches. */
    public Duration window() {
        return period.multipliedBy(points);
    }
}
