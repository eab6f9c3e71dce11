package dev.meshwalk.graph.render;

import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.Stats;
import dev.meshwalk.graph.layout.LayoutGraph;

import java.util.List;
import java.util.Map;

/**
 * The boxes of the map: their shape for the layout (height and the rows where links attach) and their
 * drawing. A client is a three-row box; a service is five rows (name, latency and rate, health bar); a
 * proxy and its app share one nine-row box split by a separator, each half with its own port rows.
 */
final class BoxPainter {

    private static final LayoutGraph.Box CLIENT = new LayoutGraph.Box(3, List.of(new LayoutGraph.Section(1, 1)));
    private static final LayoutGraph.Box SERVICE = new LayoutGraph.Box(5, List.of(new LayoutGraph.Section(1, 3)));
    private static final LayoutGraph.Box PAIR = new LayoutGraph.Box(9,
            List.of(new LayoutGraph.Section(1, 3), new LayoutGraph.Section(5, 7)));

    private final Glyphs g;
    private final MapUnits units;
    private final MapTexts texts;
    private final Map<Integer, String> fittedNames;

    BoxPainter(Glyphs g, MapUnits units, MapTexts texts, Map<Integer, String> fittedNames) {
        this.g = g;
        this.units = units;
        this.texts = texts;
        this.fittedNames = fittedNames;
    }

    /** The layout's view of a box: its rows and, per member, the rows its links may use. */
    static LayoutGraph.Box shape(MapUnits.Unit unit) {
        return unit.isClient() ? CLIENT : unit.isPair() ? PAIR : SERVICE;
    }

    /**
     * Draws box {@code u} with its top-left corner at (x, y) and records where each node's part of it lies
     * ({x, y, width, height} by reference id), which the TUI uses to find a node on screen.
     */
    void draw(Canvas c, int u, int x, int y, int width, Map<Integer, int[]> boxes) {
        MapUnits.Unit unit = units.units.get(u);
        int right = x + width - 1;
        if (unit.isClient()) {
            frameTop(c, x, y, width, null);
            c.put(x, y + 1, g.vertical(), Style.FAINT);
            c.text(x + 2, y + 1, "clients", Style.STRONG);
            c.put(right, y + 1, g.vertical(), Style.FAINT);
            frameBottom(c, x, y + 2, width);
            boxes.put(unit.members().get(0).referenceId(), new int[] {x, y, width, 3});
            return;
        }
        ServiceNode first = unit.members().get(0);
        frameTop(c, x, y, width, TypeTags.of(first.type()));
        nodeBody(c, x, y + 1, width, first);
        if (unit.isPair()) {
            ServiceNode app = unit.members().get(1);
            separator(c, x, y + 4, width, texts.separator(u));
            nodeBody(c, x, y + 5, width, app);
            frameBottom(c, x, y + 8, width);
            boxes.put(first.referenceId(), new int[] {x, y, width, 5});
            boxes.put(app.referenceId(), new int[] {x, y + 4, width, 5});
        } else {
            frameBottom(c, x, y + 4, width);
            boxes.put(first.referenceId(), new int[] {x, y, width, 5});
        }
    }

    private void frameTop(Canvas c, int x, int y, int width, String tag) {
        rule(c, x, y, width, g.topLeft, g.topRight);
        if (tag != null && tag.length() + 4 <= width) {
            c.text(x + 2, y, " " + tag + " ", Style.TAG);
        }
    }

    private void separator(Canvas c, int x, int y, int width, String text) {
        rule(c, x, y, width, g.teeRight, g.teeLeft);
        String shown = text.length() + 4 <= width ? text : text.substring(0, Math.max(0, width - 4));
        c.text(x + 2, y, " " + shown + " ", Style.TAG);
    }

    private void frameBottom(Canvas c, int x, int y, int width) {
        rule(c, x, y, width, g.bottomLeft, g.bottomRight);
    }

    private void rule(Canvas c, int x, int y, int width, char left, char right) {
        c.put(x, y, left, Style.FAINT);
        for (int i = 1; i < width - 1; i++) {
            c.put(x + i, y, g.horizontal(), Style.FAINT);
        }
        c.put(x + width - 1, y, right, Style.FAINT);
    }

    /** Three rows: name, latency and rate, health bar with success share. */
    private void nodeBody(Canvas c, int x, int y, int width, ServiceNode n) {
        int inner = width - 4;
        for (int r = 0; r < 3; r++) {
            c.put(x, y + r, g.vertical(), Style.FAINT);
            c.put(x + width - 1, y + r, g.vertical(), Style.FAINT);
        }
        c.text(x + 2, y, fittedNames.get(n.referenceId()), Style.STRONG);
        Stats s = n.stats();
        c.text(x + 2, y + 1, MapCaptions.truncate(texts.statsLine(s), inner), Style.PLAIN);
        int barWidth = inner - BoxSizing.BAR_PERCENT;
        if (s.total() == 0) {
            for (int i = 0; i < barWidth; i++) {
                c.put(x + 2 + i, y + 2, g.dot, Style.FAINT);
            }
            return;
        }
        int[] cells = HealthBar.cells(new long[] {s.ok(), s.clientErrors(), s.faults(), s.throttles()}, barWidth);
        char[] glyph = {g.ok, g.clientError, g.fault, g.throttle};
        Style[] styles = {Style.OK, Style.CLIENT_ERROR, Style.FAULT, Style.THROTTLE};
        int cx = x + 2;
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < cells[k]; i++) {
                c.put(cx++, y + 2, glyph[k], styles[k]);
            }
        }
        String pct = Formats.percent(s.successRatio());
        c.text(x + 2 + inner - pct.length(), y + 2, pct, HealthBar.successStyle(s));
    }
}
