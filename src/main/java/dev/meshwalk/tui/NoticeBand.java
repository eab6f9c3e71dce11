package dev.meshwalk.tui;

import java.util.ArrayList;
import java.util.List;

import dev.meshwalk.core.State;
import dev.meshwalk.core.View;

/**
 * The rows a notice too long for the status bar takes just above it. One place answers "how many rows", so the
 * action pane gives those rows up instead of drawing its last lines (a teardown's verdict) under the notice.
 */
final class NoticeBand {

    /** A check's verdict needs two or three rows; longer notices are cut with "..." after the third. */
    static final int MAX_ROWS = 3;

    private NoticeBand() {
    }

    /** The wrapped notice, or nothing when it fits the status bar (or the chapter list shows it whole). */
    static List<String> lines(State s, int cols) {
        if (s.notice() == null || s.view() == View.CHAPTERS || s.size().tooSmall()) {
            return List.of();
        }
        if (s.notice().length() + 2 <= statusRoom(s, cols)) {
            return List.of();
        }
        List<String> lines = ScreenPainter.wrapAll(List.of(s.notice()), cols - 2);
        if (lines.size() > MAX_ROWS) {
            lines = new ArrayList<>(lines.subList(0, MAX_ROWS));
            String last = lines.get(MAX_ROWS - 1);
            lines.set(MAX_ROWS - 1, (last.length() > cols - 5 ? last.substring(0, cols - 5) : last) + " ...");
        }
        return lines;
    }

    /** Columns the status bar has for its middle text: between the target label and the lesson's percentage. */
    static int statusRoom(State s, int cols) {
        int used = Math.min(cols, (" " + s.target().label() + " ").length());
        return cols - percent(s).length() - used - 2;
    }

    /** The lesson's scroll position shown at the right of the status bar, or nothing outside the lesson. */
    static String percent(State s) {
        if (s.view() != View.LESSON || s.lesson().isEmpty()) {
            return "";
        }
        int pct = s.maxScroll() == 0 ? 100 : (int) Math.round(100.0 * s.scroll() / s.maxScroll());
        return " " + pct + "% ";
    }
}
