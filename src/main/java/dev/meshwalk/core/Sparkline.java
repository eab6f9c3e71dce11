package dev.meshwalk.core;

import java.util.List;

/**
 * A metric series as one line of block characters ({@code ▁▂▃▄▅▆▇█}), scaled from the series' minimum to its
 * maximum; an ASCII ramp ({@code _.-=+*#@}) where Unicode is not available. A flat series draws at the lowest
 * level (or highest when all values are equal and above zero), so "steady" and "nothing" look different. A
 * {@code null} value is a period without data and draws as a blank, so time stays evenly spaced.
 */
public final class Sparkline {

    private static final char[] BLOCKS = "▁▂▃▄▅▆▇█".toCharArray();
    private static final char[] ASCII = "_.-=+*#@".toCharArray();

    private Sparkline() {
    }

    /** The last {@code width} values as a sparkline; empty string for no values. */
    public static String render(List<Double> values, int width, boolean unicode) {
        char[] ramp = unicode ? BLOCKS : ASCII;
        List<Double> shown = values.size() > width ? values.subList(values.size() - width, values.size()) : values;
        if (shown.isEmpty()) {
            return "";
        }
        double min = shown.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).min().orElse(0);
        double max = shown.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder line = new StringBuilder(shown.size());
        for (Double v : shown) {
            if (v == null) {
                line.append(' ');
                continue;
            }
            int level;
            if (max == min) {
                level = max > 0 ? ramp.length - 1 : 0;
            } else {
                level = (int) Math.round((v - min) / (max - min) * (ramp.length - 1));
            }
            line.append(ramp[Math.max(0, Math.min(ramp.length - 1, level))]);
        }
        return line.toString();
    }
}
