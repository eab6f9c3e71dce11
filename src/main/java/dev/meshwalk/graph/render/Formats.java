package dev.meshwalk.graph.render;

import java.util.Locale;

/** Short, fixed-style numbers for small boxes: latencies, rates, shares. */
final class Formats {

    private Formats() {
    }

    /** "0.3ms", "12ms", "1.2s"; "-" when there is nothing to average. */
    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        if (ms < 0.05) {
            return "<0.1ms";
        }
        if (ms < 9.95) {
            return String.format(Locale.ROOT, "%.1fms", ms);
        }
        if (ms < 999.5) {
            return String.format(Locale.ROOT, "%.0fms", ms);
        }
        return String.format(Locale.ROOT, "%.1fs", ms / 1000);
    }

    /** "4.4/min", "11/min", "1.2k/min"; without a window, plain counts ("45 req"). */
    static String rate(long count, double minutes) {
        if (Double.isNaN(minutes)) {
            return count + " req";
        }
        double r = count / minutes;
        if (r == 0) {
            return "0/min";
        }
        if (r < 9.95) {
            return String.format(Locale.ROOT, "%.1f/min", r);
        }
        if (r < 999.5) {
            return String.format(Locale.ROOT, "%.0f/min", r);
        }
        if (r < 9950) {
            return String.format(Locale.ROOT, "%.1fk/min", r / 1000);
        }
        return String.format(Locale.ROOT, "%.0fk/min", r / 1000);
    }

    /** "51%", "<1%", "100%". */
    static String percent(double ratio) {
        if (Double.isNaN(ratio)) {
            return "-";
        }
        if (ratio > 0 && ratio < 0.005) {
            return "<1%";
        }
        if (ratio < 1 && ratio > 0.995) {
            return ">99%";
        }
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }
}
