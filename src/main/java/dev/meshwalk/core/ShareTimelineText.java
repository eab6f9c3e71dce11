package dev.meshwalk.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The traffic pane's time line: one row per color, one column per {@link ShareTimeline#WINDOW} answers, oldest left,
 * so a canary reads at a glance: green full, then both half, then blue full (or green full again after a rollback).
 * A cell's height is the color's share of that window's answers: a block of eighths ({@code ▁..█}), ASCII a digit of
 * tenths ({@code #} for all), and a dot for none. An {@code errors} row appears once any answer failed.
 */
public final class ShareTimelineText {

    /** Columns drawn at most: with the row's label a row fits 78 columns. */
    static final int COLUMNS = 60;
    /** The window still filling is drawn once it holds this many answers (fewer make a noisy share). */
    static final int PARTIAL_MIN = ShareTimeline.WINDOW / 4;
    private static final char[] BLOCKS = "▁▂▃▄▅▆▇█".toCharArray();
    static final String ERRORS = "errors";

    private ShareTimelineText() {
    }

    /** The header and rows, or nothing until there are two columns to compare. */
    public static List<String> lines(ShareTimeline timeline, Duration interval, boolean unicode) {
        List<ShareTimeline.Window> shown = shown(timeline);
        if (shown.size() < 2) {
            return List.of();
        }
        TreeSet<String> colors = new TreeSet<>();
        shown.forEach(w -> colors.addAll(w.colors().keySet()));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Shares over time, a column per %d answers (%s), newest right:",
                ShareTimeline.WINDOW, span(interval.multipliedBy(ShareTimeline.WINDOW))));
        for (String color : colors) {
            lines.add(row(color, shown, w -> w.share(color), unicode));
        }
        if (shown.stream().anyMatch(w -> w.failed() > 0)) {
            lines.add(row(ERRORS, shown, w -> w.answers() == 0 ? 0 : (double) w.failed() / w.answers(), unicode));
        }
        return lines;
    }

    /** The full windows and a filling one with enough answers, the newest {@value #COLUMNS}. */
    private static List<ShareTimeline.Window> shown(ShareTimeline timeline) {
        List<ShareTimeline.Window> windows = new ArrayList<>(timeline.windows());
        if (!windows.isEmpty() && windows.get(windows.size() - 1).answers() < PARTIAL_MIN) {
            windows.remove(windows.size() - 1);
        }
        return windows.size() > COLUMNS ? windows.subList(windows.size() - COLUMNS, windows.size()) : windows;
    }

    private static String row(String label, List<ShareTimeline.Window> windows,
            java.util.function.ToDoubleFunction<ShareTimeline.Window> share, boolean unicode) {
        StringBuilder cells = new StringBuilder();
        windows.forEach(w -> cells.append(cell(share.applyAsDouble(w), unicode)));
        return String.format(Locale.ROOT, "  %-8s %s", label, cells);
    }

    /** One share (0..1) as a cell: a dot for none, else at least the lowest mark. */
    static char cell(double share, boolean unicode) {
        if (share <= 0) {
            return unicode ? '·' : '.';
        }
        if (unicode) {
            return BLOCKS[(int) Math.max(1, Math.min(8, Math.round(share * 8))) - 1];
        }
        long tenths = Math.round(share * 10);
        return tenths >= 10 ? '#' : (char) ('0' + Math.max(1, tenths));
    }

    private static String span(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? "~" + ms / 1000 + " s" : String.format(Locale.ROOT, "~%.1f s", ms / 1000.0);
    }
}
