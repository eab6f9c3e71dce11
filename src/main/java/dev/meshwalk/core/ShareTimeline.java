package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The traffic loop's answers cut into consecutive windows of {@value #WINDOW} answers, oldest first, so a check can
 * see how the color shares moved over time (green, then about half blue during a canary, then only blue), which a
 * single running total hides. Immutable; counted by answers, not by clock, so it stays pure and testable.
 *
 * @param windows the closed windows and, last, the one still filling; at most {@value #KEPT}
 */
public record ShareTimeline(List<Window> windows) {

    /** Answers per window: enough for a share within about +/-10%. */
    public static final int WINDOW = 20;
    /** Windows kept: with 0.5 s between requests, the last twenty minutes. */
    public static final int KEPT = 120;

    /**
     * One window's answers.
     *
     * @param colors answers per color
     * @param failed answers without a color (errors)
     */
    public record Window(Map<String, Long> colors, long failed) {
        public Window {
            colors = Map.copyOf(colors);
        }

        public long answers() {
            return colors.values().stream().mapToLong(Long::longValue).sum() + failed;
        }

        /** The share of {@code color} among all this window's answers, failures included. */
        public double share(String color) {
            long n = answers();
            return n == 0 ? 0 : (double) colors.getOrDefault(color, 0L) / n;
        }

        Window with(Optional<String> color) {
            if (color.isEmpty()) {
                return new Window(colors, failed + 1);
            }
            Map<String, Long> next = new LinkedHashMap<>(colors);
            next.merge(color.get(), 1L, Long::sum);
            return new Window(next, failed);
        }
    }

    public ShareTimeline {
        windows = List.copyOf(windows);
    }

    public static ShareTimeline empty() {
        return new ShareTimeline(List.of());
    }

    /** This timeline with one more answer: its color, or empty when it failed. */
    public ShareTimeline with(Optional<String> color) {
        List<Window> next = new ArrayList<>(windows);
        if (next.isEmpty() || next.get(next.size() - 1).answers() >= WINDOW) {
            next.add(new Window(Map.of(), 0));
        }
        next.set(next.size() - 1, next.get(next.size() - 1).with(color));
        if (next.size() > KEPT) {
            next.remove(0);
        }
        return new ShareTimeline(next);
    }

    /** The windows already full, oldest first (the last one may still be filling and is left out). */
    public List<Window> full() {
        return windows.stream().filter(w -> w.answers() >= WINDOW).toList();
    }
}
