package dev.meshwalk.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The time range a service graph covers; request rates are counts divided by its length in minutes. */
public record TimeWindow(Instant start, Instant end) {

    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the window ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** Length in minutes, never below one second's worth, so rates stay finite. */
    public double minutes() {
        return Math.max(length().toMillis(), 1000) / 60_000.0;
    }
}
