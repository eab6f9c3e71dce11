package dev.meshwalk.graph.render;

import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.TimeWindow;
import dev.meshwalk.graph.layout.Arrangement;
import dev.meshwalk.graph.layout.LayeredLayout;
import dev.meshwalk.graph.layout.LayoutGraph;
import dev.meshwalk.graph.layout.Routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a {@link ServiceGraph} as a character map: boxes left to right from the clients, orthogonal edges
 * with labels, a header with the time window and a legend. Pure: same graph and options, same canvas.
 *
 * <p>The steps, each in its own class: group nodes into boxes ({@link MapUnits}), lay the boxes out
 * ({@link LayeredLayout}), choose box widths that fit ({@link BoxSizing}), route the links
 * ({@link Arrangement#route}), then paint links ({@link EdgePainter}), boxes ({@link BoxPainter}) and the
 * {@link Legend}. Texts come from {@link MapTexts} and {@link MapCaptions}.
 *
 * <pre>
 * ServiceMapRenderer renderer = new ServiceMapRenderer();
 * RenderedMap map = renderer.render(graph, MapOptions.defaults().withWidth(100));
 * String text = map.canvas().toPlainString();
 * </pre>
 */
public final class ServiceMapRenderer {

    /** The title line and a blank line above the layout. */
    private static final int HEADER_ROWS = 2;

    /** Draws the map, or the empty state when the graph has no nodes. */
    public RenderedMap render(ServiceGraph graph, MapOptions options) {
        return graph.isEmpty() ? emptyState(graph, options) : draw(graph, options);
    }

    private static RenderedMap emptyState(ServiceGraph graph, MapOptions options) {
        List<String> lines = new ArrayList<>();
        lines.add(MapCaptions.title(graph, options));
        lines.add("");
        lines.addAll(MapCaptions.wrap(MapCaptions.nothingInWindow("traffic", graph, options), options.width() - 2));
        Canvas c = new Canvas(options.width(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            c.text(i == 0 ? 0 : 2, i, lines.get(i), i == 0 ? Style.STRONG : Style.PLAIN);
        }
        return new RenderedMap(c, new MapQuality(0, 0, 0, 0), Map.of());
    }

    private static RenderedMap draw(ServiceGraph graph, MapOptions options) {
        Glyphs g = options.glyphs();
        MapUnits units = new MapUnits(graph);
        NodeNames names = NodeNames.of(graph.nodes());
        MapTexts texts = new MapTexts(units, options, graph.timeWindow().map(TimeWindow::minutes).orElse(Double.NaN));

        LayoutGraph lg = new LayoutGraph();
        for (MapUnits.Unit u : units.units) {
            lg.addBox(BoxPainter.shape(u));
        }
        String[] labels = new String[units.links.size()];
        int[] labelWidth = new int[units.links.size()];
        for (int i = 0; i < units.links.size(); i++) {
            MapUnits.UnitLink l = units.links.get(i);
            lg.addLink(l.fromUnit(), l.fromMember(), l.toUnit(), l.toMember());
            labels[i] = texts.edgeLabel(l);
            labelWidth[i] = labels[i].length();
        }
        Arrangement arrangement = LayeredLayout.arrange(lg);

        BoxSizing sizing = new BoxSizing(units, names, texts, graph.nodes(), options.width());
        if (!sizing.fitsAtNarrowest(arrangement, labelWidth)) {
            for (int i = 0; i < units.links.size(); i++) {
                labels[i] = texts.edgeLabel(units.links.get(i), false);
                labelWidth[i] = labels[i].length();
            }
        }
        int inner = sizing.innerWidth(arrangement, labelWidth);
        int[] widths = sizing.widths(inner);
        Routing routing = arrangement.routeForDrawing(widths, labelWidth);

        List<String> legend = Legend.lines(g, units, names);
        int width = Math.max(options.width(), routing.width());
        int height = HEADER_ROWS + routing.height() + 1 + legend.size();
        Canvas canvas = new Canvas(width, height);
        canvas.text(0, 0, MapCaptions.truncate(MapCaptions.title(graph, options) + " " + g.dot + " labels: "
                + options.labels().description(), width), Style.STRONG);
        new EdgePainter(g, units, HEADER_ROWS).draw(canvas, routing, labels);
        BoxPainter boxPainter = new BoxPainter(g, units, texts, names.fitted(inner - 2, g.ellipsis));
        Map<Integer, int[]> boxes = new HashMap<>();
        for (int u = 0; u < units.units.size(); u++) {
            boxPainter.draw(canvas, u, routing.boxX(u), HEADER_ROWS + routing.boxY(u), widths[u], boxes);
        }
        int y = HEADER_ROWS + routing.height() + 1;
        for (String line : legend) {
            Legend.draw(canvas, y++, line, g);
        }
        return new RenderedMap(canvas, new MapQuality(routing.width(), routing.height(), routing.crossings(),
                routing.bends()), boxes);
    }
}
