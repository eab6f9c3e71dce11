package dev.meshwalk.localcloud.service.cloudwatch;

import java.util.List;
import java.util.NavigableMap;

/** What a metric-math expression evaluates to: a number, one time series, or several. */
sealed interface MathValue {

    record Scalar(double value) implements MathValue {
    }

    /** Values by period start (epoch seconds); the label becomes the result's Label. */
    record Series(String label, NavigableMap<Long, Double> points) implements MathValue {
    }

    record SeriesList(List<Series> series) implements MathValue {
    }
}
