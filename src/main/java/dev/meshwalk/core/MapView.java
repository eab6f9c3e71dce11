package dev.meshwalk.core;

import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.render.LabelMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What the map pane shows: the last {@code GetServiceGraph} answer (kept as data so every front-end draws it its
 * own way, with colours in the TUI and plain text in line mode) plus the learner's view choices.
 *
 * <p>A map too big to read whole can be narrowed to one node, its callers and its callees ({@code focus}, as
 * {@code graph --focus NAME} does), picked from a list of the map's nodes ({@code picker}); the list's first row
 * is the whole map again.
 *
 * @param graph   the last answer, or null before the first one arrived
 * @param problem why the last fetch failed (shown instead of a stale map), or null
 * @param minutes the time window asked for: 1, 5 or 15
 * @param labels  what the edge labels show
 * @param table   the table view instead of the drawing
 * @param panX    columns scrolled right when the map is wider than the pane
 * @param panY    rows scrolled down when the map is taller than the pane
 * @param focus   the node the map is narrowed to, or null for the whole map
 * @param picker  the selected row of the node list while it is open (0 = whole map), or -1 when it is closed
 */
public record MapView(ServiceGraph graph, String problem, int minutes, LabelMode labels, boolean table, int panX,
        int panY, String focus, int picker) {

    static final int[] WINDOWS = {1, 5, 15};
    /** The node list's first row, which clears the focus. */
    public static final String WHOLE_MAP = "(whole map)";

    public static MapView initial() {
        return new MapView(null, null, 5, LabelMode.values()[0], false, 0, 0, null, -1);
    }

    MapView withGraph(ServiceGraph g) {
        return new MapView(g, null, minutes, labels, table, panX, panY, focus, picker);
    }

    MapView withProblem(String p) {
        return new MapView(graph, p, minutes, labels, table, panX, panY, focus, picker);
    }

    MapView nextWindow() {
        int next = WINDOWS[0];
        for (int i = 0; i < WINDOWS.length; i++) {
            if (WINDOWS[i] == minutes) {
                next = WINDOWS[(i + 1) % WINDOWS.length];
            }
        }
        return new MapView(graph, problem, next, labels, table, panX, panY, focus, picker);
    }

    MapView nextLabels() {
        return new MapView(graph, problem, minutes, labels.next(), table, panX, panY, focus, picker);
    }

    MapView toggleTable() {
        return new MapView(graph, problem, minutes, labels, !table, 0, 0, focus, picker);
    }

    /** Pans by a step; the front-end clamps to the drawn canvas, the core only keeps it non-negative. */
    MapView pan(int dx, int dy) {
        return new MapView(graph, problem, minutes, labels, table, Math.max(0, panX + dx), Math.max(0, panY + dy),
                focus, picker);
    }

    /** Whether the node list is open. */
    public boolean picking() {
        return picker >= 0;
    }

    /**
     * The node list: {@link #WHOLE_MAP}, then the names of the map's services and remote nodes in alphabetical
     * order (client nodes are drawn together as {@code clients}, so they are not offered).
     */
    public List<String> pickerRows() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (graph != null) {
            for (ServiceNode n : graph.nodes()) {
                if (!n.isClient()) {
                    names.add(n.name());
                }
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add(WHOLE_MAP);
        rows.addAll(names);
        return rows;
    }

    /** Opens the node list on the focused node (or on the whole-map row). */
    MapView openPicker() {
        int at = 0;
        if (focus != null) {
            List<String> rows = pickerRows();
            for (int i = 1; i < rows.size(); i++) {
                if (rows.get(i).toLowerCase(Locale.ROOT).equals(focus.toLowerCase(Locale.ROOT))) {
                    at = i;
                }
            }
        }
        return new MapView(graph, problem, minutes, labels, table, panX, panY, focus, at);
    }

    /** Moves the list's selection, kept on the list. */
    MapView movePicker(int delta) {
        int last = pickerRows().size() - 1;
        int at = Math.max(0, Math.min(last, picker + delta));
        return new MapView(graph, problem, minutes, labels, table, panX, panY, focus, at);
    }

    /** Focuses the selected node (the first row: the whole map) and closes the list; the view starts at its corner. */
    MapView choose() {
        List<String> rows = pickerRows();
        String chosen = picker <= 0 || picker >= rows.size() ? null : rows.get(picker);
        return new MapView(graph, problem, minutes, labels, table, 0, 0, chosen, -1);
    }

    MapView closePicker() {
        return new MapView(graph, problem, minutes, labels, table, panX, panY, focus, -1);
    }

    /** Back to the whole map. */
    MapView clearFocus() {
        return new MapView(graph, problem, minutes, labels, table, 0, 0, null, -1);
    }
}
