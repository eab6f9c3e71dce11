package dev.meshwalk.apps.front;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The last {@code capacity} colors front received, oldest dropped first, and their shares. The shares are
 * what the learner watches: ~1.0 green in chapters 0-2, ~0.5/0.5 green/blue in chapter 3.
 * One instance per front app (no static state); every method is safe to call from any request thread.
 */
final class ColorHistory {
    /** The seed keeps the last 1000 answers. */
    static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final Deque<String> colors = new ArrayDeque<>();
    private final Map<String, Integer> counts = new HashMap<>();

    ColorHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    synchronized void record(String color) {
        if (colors.size() == capacity) {
            String oldest = colors.removeFirst();
            counts.computeIfPresent(oldest, (key, count) -> count == 1 ? null : count - 1);
        }
        colors.addLast(color);
        counts.merge(color, 1, Integer::sum);
    }

    synchronized void clear() {
        colors.clear();
        counts.clear();
    }

    /** Share of each color in the window, rounded half-up to two places, sorted by color name. */
    synchronized SortedMap<String, BigDecimal> ratios() {
        SortedMap<String, BigDecimal> ratios = new TreeMap<>();
        BigDecimal total = BigDecimal.valueOf(colors.size());
        counts.forEach((color, count) -> ratios.put(color,
                BigDecimal.valueOf(count).divide(total, 2, RoundingMode.HALF_UP)));
        return Collections.unmodifiableSortedMap(ratios);
    }
}
