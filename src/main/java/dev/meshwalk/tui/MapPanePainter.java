package dev.meshwalk.tui;

import java.util.List;
import java.util.Optional;

import dev.meshwalk.core.MapView;
import dev.meshwalk.core.State;
import dev.meshwalk.graph.FocusedGraph;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.render.Glyphs;
import dev.meshwalk.graph.render.MapOptions;
import dev.meshwalk.graph.render.ServiceMapRenderer;
import dev.meshwalk.graph.render.ServiceTable;
import dev.meshwalk.graph.render.Viewport;

/**
 * The map pane's body: the service graph rendered by the graph library (its semantic styles mapped to terminal
 * colours), panned to the learner's view; narrowed to one node and its neighbours when a focus is set (with the
 * focus's caption on the first row); or, while it is open, the list of nodes to focus on. Reads State only.
 */
final class MapPanePainter {

    private static final ServiceMapRenderer RENDERER = new ServiceMapRenderer();

    private MapPanePainter() {
    }

    static void paint(State s, Canvas c, int row, int last, int width) {
        MapView m = s.map();
        if (m.problem() != null) {
            c.text(1, row++, "The service map could not be fetched:", c.theme.bold(), width);
            for (String line : ActionPainter.wrap(List.of(m.problem()), width)) {
                c.text(1, row++, line, c.theme.notice(), width);
            }
            return;
        }
        if (m.graph() == null) {
            c.text(1, row, "Asking X-Ray for the service graph of the last " + m.minutes() + " min ...", Attr.PLAIN, width);
            return;
        }
        if (m.picking()) {
            paintPicker(m, c, row, last, width);
            return;
        }
        ServiceGraph graph = m.graph();
        if (m.focus() != null) {
            Optional<FocusedGraph> focused = FocusedGraph.of(graph, m.focus());
            String caption = focused.map(FocusedGraph::caption).orElse(m.focus()
                    + " is not in this window's map; showing the whole map (f: pick another, esc: whole map).");
            for (String line : ActionPainter.wrap(List.of(caption), width)) {
                c.text(1, row++, line, c.theme.bold(), width);
            }
            graph = focused.map(FocusedGraph::graph).orElse(graph);
        }
        MapOptions options = MapOptions.defaults().withWidth(width)
                .withGlyphs(s.unicode() ? Glyphs.UNICODE : Glyphs.ASCII).withLabels(m.labels())
                .withEmptyHint("Start the traffic loop (t) and wait a few seconds.");
        dev.meshwalk.graph.render.Canvas drawn = m.table() ? new ServiceTable().render(graph, options)
                : RENDERER.render(graph, options).canvas();
        int height = last - row + 1;
        Viewport view = Viewport.topLeft(width, height).pan(m.panX(), m.panY(), drawn);
        dev.meshwalk.graph.render.Canvas visible = drawn.crop(view);
        for (int y = 0; y < visible.height() && y < height; y++) {
            for (int x = 0; x < visible.width() && x < width; x++) {
                char ch = visible.charAt(x, y);
                if (ch != ' ') {
                    c.text(1 + x, row + y, String.valueOf(ch), c.theme.map(visible.styleAt(x, y)), 1);
                }
            }
        }
        if (view.cuts(drawn)) {
            String hint = " more: arrows/hjkL pan  f focus ";
            c.text(c.cols - hint.length() - 1, last, hint, c.theme.dim(), hint.length());
        }
    }

    /** The node list, scrolled so the selected row stays in view, the current focus marked. */
    private static void paintPicker(MapView m, Canvas c, int row, int last, int width) {
        List<String> rows = m.pickerRows();
        c.text(1, row++, "Focus the map on which node? (" + (rows.size() - 1) + " nodes; enter: focus, esc: close)",
                c.theme.bold(), width);
        row++;
        int room = Math.max(1, last - row + 1);
        int first = Math.max(0, Math.min(m.picker() - room / 2, rows.size() - room));
        for (int i = first; i < rows.size() && row <= last; i++, row++) {
            String name = rows.get(i);
            boolean current = i == 0 ? m.focus() == null : name.equalsIgnoreCase(m.focus());
            String line = (i == m.picker() ? "> " : "  ") + name + (current ? "  (shown now)" : "");
            c.text(1, row, line, i == m.picker() ? c.theme.selected() : Attr.PLAIN, width);
        }
    }
}
