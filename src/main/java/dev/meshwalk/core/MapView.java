package dev.meshwalk.core;

import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.render.LabelMode;

/**
 * What the map pane shows: the last {@code GetServiceGraph} answer (kept as data so every front-end draws it its
 * own way, with colours in the TUI and plain text in line mode) plus the learner's view choices.
 *
 * @param graph   the last answer, or null before the first one arrived
 * @param problem why the last fetch failed (shown instead of a stale map), or null
 * @param minutes the time window asked for: 1, 5 or 15
 * @param labels  what the edge labels show
 * @param table   the table view instead of the drawing
 * @param panX    columns scrolled right when the map is wider than the pane
 * @param panY    rows scrolled down when the map is taller than the pane
 */
public record MapView(ServiceGraph graph, String problem, int minutes, LabelMode labels, boolean table, int panX,
        int panY) {

    static final int[] WINDOWS = {1, 5, 15};

    public static MapView initial() {
        return new MapView(null, null, 5, LabelMode.values()[0], false, 0, 0);
    }

    MapView withGraph(ServiceGraph g) {
        return new MapView(g, null, minutes, labels, table, panX, panY);
    }

    MapView withProblem(String p) {
        return new MapView(graph, p, minutes, labels, table, panX, panY);
    }

    MapView nextWindow() {
        int next = WINDOWS[0];
        for (int i = 0; i < WINDOWS.length; i++) {
            if (WINDOWS[i] == minutes) {
                next = WINDOWS[(i + 1) % WINDOWS.length];
            }
        }
        return new MapView(graph, problem, next, labels, table, panX, panY);
    }

    MapView nextLabels() {
        return new MapView(graph, problem, minutes, labels.next(), table, panX, panY);
    }

    MapView toggleTable() {
        return new MapView(graph, problem, minutes, labels, !table, 0, 0);
    }

    /** Pans by a step; the front-end clamps to the drawn canvas, the core only keeps it non-negative. */
    MapView pan(int dx, int dy) {
        return new MapView(graph, problem, minutes, labels, table, Math.max(0, panX + dx), Math.max(0, panY + dy));
    }
}
