package dev.meshwalk.graph.render;

import dev.meshwalk.graph.ServiceEdge;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.Stats;
import dev.meshwalk.graph.TimeWindow;
import dev.meshwalk.graph.layout.Arrangement;
import dev.meshwalk.graph.layout.LayeredLayout;
import dev.meshwalk.graph.layout.LayoutGraph;
import dev.meshwalk.graph.layout.LinkRoute;
import dev.meshwalk.graph.layout.Routing;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link ServiceGraph} as a character map: boxes left to right from the clients, orthogonal edges
 * with labels, a header with the time window and a legend. Pure: same graph and options, same canvas.
 *
 * <pre>
 * ServiceMapRenderer renderer = new ServiceMapRenderer();
 * RenderedMap map = renderer.render(graph, MapOptions.defaults().withWidth(100));
 * String text = map.canvas().toPlainString();
 * </pre>
 */
public final class ServiceMapRenderer {

    static final int HEADER_ROWS = 2;
    private static final int CLIENT_INNER = 7;
    private static final int MIN_INNER = 10;
    private static final int MAX_INNER = 26;
    private static final int BAR_PERCENT = 5; // " 100%"
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Draws the map, or the empty state when the graph has no nodes. */
    public RenderedMap render(ServiceGraph graph, MapOptions options) {
        if (graph.isEmpty()) {
            return emptyState(graph, options);
        }
        Drawing d = new Drawing(graph, options);
        return d.draw();
    }

    private RenderedMap emptyState(ServiceGraph graph, MapOptions options) {
        String window = graph.timeWindow().map(w -> "in the last " + minutes(w)).orElse("in this answer");
        List<String> lines = new ArrayList<>();
        lines.add(header(graph, options));
        lines.add("");
        lines.addAll(wrap("No traffic " + window + ". " + options.emptyHint(), options.width() - 2));
        Canvas c = new Canvas(options.width(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            c.text(i == 0 ? 0 : 2, i, lines.get(i), i == 0 ? Style.STRONG : Style.PLAIN);
        }
        return new RenderedMap(c, new MapQuality(0, 0, 0, 0), Map.of());
    }

    static String minutes(TimeWindow w) {
        long seconds = w.length().getSeconds();
        if (seconds % 60 == 0) {
            long m = seconds / 60;
            return m == 1 ? "minute" : m + " minutes";
        }
        return seconds + " seconds";
    }

    static String header(ServiceGraph graph, MapOptions options) {
        String window = graph.timeWindow().map(w -> minutes(w).replace(" minutes", " min").replace("minute", "1 min")
                + " " + DAY_TIME.format(w.start()) + "-" + TIME.format(w.end()) + " UTC").orElse("time window unknown");
        return "Service map " + options.glyphs().dot + " " + window;
    }

    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    /** One drawing: the state shared by the steps of {@link #draw()}. */
    private static final class Drawing {
        private final ServiceGraph graph;
        private final MapOptions options;
        private final Glyphs g;
        private final MapUnits units;
        private final NodeNames names;
        private final double minutes;
        private final Map<Long, Long> outgoing = new HashMap<>();

        Drawing(ServiceGraph graph, MapOptions options) {
            this.graph = graph;
            this.options = options;
            this.g = options.glyphs();
            this.units = new MapUnits(graph);
            this.names = NodeNames.of(graph.nodes());
            this.minutes = graph.timeWindow().map(TimeWindow::minutes).orElse(Double.NaN);
            for (MapUnits.UnitLink l : units.links) {
                outgoing.merge(((long) l.fromUnit() << 8) | l.fromMember(), l.edge().stats().total(), Long::sum);
            }
        }

        RenderedMap draw() {
            LayoutGraph lg = new LayoutGraph();
            for (MapUnits.Unit u : units.units) {
                if (u.isClient()) {
                    lg.addBox(new LayoutGraph.Box(3, List.of(new LayoutGraph.Section(1, 1))));
                } else if (u.isPair()) {
                    lg.addBox(new LayoutGraph.Box(9, List.of(new LayoutGraph.Section(1, 3), new LayoutGraph.Section(5, 7))));
                } else {
                    lg.addBox(new LayoutGraph.Box(5, List.of(new LayoutGraph.Section(1, 3))));
                }
            }
            String[] labels = new String[units.links.size()];
            int[] labelWidth = new int[units.links.size()];
            for (int i = 0; i < units.links.size(); i++) {
                MapUnits.UnitLink l = units.links.get(i);
                lg.addLink(l.fromUnit(), l.fromMember(), l.toUnit(), l.toMember());
                labels[i] = label(l);
                labelWidth[i] = labels[i].length();
            }
            Arrangement arrangement = LayeredLayout.arrange(lg);

            int inner = chooseInnerWidth(arrangement, labelWidth);
            int[] widths = boxWidths(inner);
            Routing routing = arrangement.route(widths, labelWidth);
            Map<Integer, String> fitted = names.fitted(inner - 2, g.ellipsis);

            List<String> legend = legend();
            int width = Math.max(options.width(), routing.width());
            int height = HEADER_ROWS + routing.height() + 1 + legend.size();
            Canvas canvas = new Canvas(width, height);
            canvas.text(0, 0, truncate(header(graph, options) + " " + g.dot + " labels: "
                    + options.labels().description(), width), Style.STRONG);
            drawEdges(canvas, routing, labels);
            Map<Integer, int[]> boxes = new HashMap<>();
            for (int u = 0; u < units.units.size(); u++) {
                drawUnit(canvas, u, routing.boxX(u), HEADER_ROWS + routing.boxY(u), widths[u], fitted, boxes);
            }
            int y = HEADER_ROWS + routing.height() + 1;
            for (String line : legend) {
                drawLegendLine(canvas, y++, line);
            }
            return new RenderedMap(canvas, new MapQuality(routing.width(), routing.height(), routing.crossings(),
                    routing.bends()), boxes);
        }

        /**
         * The widest box content (up to what the names need) that still fits the width; when even the
         * narrowest boxes do not fit, the map will be panned anyway, so names keep their room.
         */
        private int chooseInnerWidth(Arrangement arrangement, int[] labelWidth) {
            int preferred = Math.max(MIN_INNER, Math.min(MAX_INNER, neededInner()));
            if (fits(arrangement, preferred, labelWidth)) {
                return preferred;
            }
            if (!fits(arrangement, MIN_INNER, labelWidth)) {
                return preferred;
            }
            int lo = MIN_INNER;
            int hi = preferred;
            while (hi - lo > 1) {
                int mid = (lo + hi) / 2;
                if (fits(arrangement, mid, labelWidth)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private boolean fits(Arrangement arrangement, int inner, int[] labelWidth) {
            return arrangement.route(boxWidths(inner), labelWidth).width() <= options.width();
        }

        private int[] boxWidths(int inner) {
            int[] widths = new int[units.units.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = units.units.get(i).isClient() ? CLIENT_INNER + 4 : inner + 4;
            }
            return widths;
        }

        private int neededInner() {
            int need = Math.max(names.longest() + 2, 12 + BAR_PERCENT);
            for (ServiceNode n : graph.nodes()) {
                need = Math.max(need, statsLine(n.stats()).length() + 2);
            }
            for (Map.Entry<Integer, ServiceEdge> e : units.pairEdge.entrySet()) {
                need = Math.max(need, separatorText(e.getKey()).length() + 3);
            }
            return need;
        }

        private String label(MapUnits.UnitLink l) {
            Stats s = l.edge().stats();
            switch (options.labels()) {
                case SHARE:
                    long out = outgoing.getOrDefault(((long) l.fromUnit() << 8) | l.fromMember(), 0L);
                    return out == 0 ? "-" : Formats.percent((double) s.total() / out);
                case LATENCY:
                    return Formats.millis(s.averageMillis());
                case RPM:
                default:
                    return Formats.rate(s.total(), minutes);
            }
        }

        private String statsLine(Stats s) {
            if (s.total() == 0) {
                return "no requests";
            }
            return Formats.millis(s.averageMillis()) + "  " + Formats.rate(s.total(), minutes);
        }

        private String separatorText(int unit) {
            ServiceEdge e = units.pairEdge.get(unit);
            if (e == null) {
                return TypeTags.of(units.units.get(unit).members().get(1).type());
            }
            String value = options.labels() == LabelMode.LATENCY ? Formats.millis(e.stats().averageMillis())
                    : Formats.rate(e.stats().total(), minutes);
            return TypeTags.of(units.units.get(unit).members().get(1).type()) + " " + g.pairLink + " " + value;
        }

        private void drawEdges(Canvas canvas, Routing routing, String[] labels) {
            int w = canvas.width();
            int h = canvas.height();
            int[] mask = new int[w * h];
            Style[] style = new Style[w * h];
            for (LinkRoute r : routing.routes()) {
                Style s = edgeStyle(units.links.get(r.link()).edge().stats());
                List<LinkRoute.Cell> pts = r.points();
                for (int i = 0; i + 1 < pts.size(); i++) {
                    LinkRoute.Cell a = pts.get(i);
                    LinkRoute.Cell b = pts.get(i + 1);
                    int dx = Integer.signum(b.x() - a.x());
                    int dy = Integer.signum(b.y() - a.y());
                    int x = a.x();
                    int y = a.y() + HEADER_ROWS;
                    while (x != b.x() || y != b.y() + HEADER_ROWS) {
                        int nx = x + dx;
                        int ny = y + dy;
                        mark(mask, style, w, x, y, dirBit(dx, dy), s);
                        mark(mask, style, w, nx, ny, dirBit(-dx, -dy), s);
                        x = nx;
                        y = ny;
                    }
                }
                if (pts.size() == 1) {
                    mark(mask, style, w, pts.get(0).x(), pts.get(0).y() + HEADER_ROWS, 2 | 8, s);
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int m = mask[y * w + x];
                    if (m != 0) {
                        canvas.put(x, y, g.line(m), style[y * w + x]);
                    }
                }
            }
            boolean[] lettered = new boolean[w * h];
            for (LinkRoute r : routing.routes()) {
                Style s = edgeStyle(units.links.get(r.link()).edge().stats());
                canvas.put(r.arrow().x(), r.arrow().y() + HEADER_ROWS, r.arrowLeft() ? g.arrowLeft : g.arrowRight,
                        s == Style.FAINT ? Style.PLAIN : s);
                if (r.label() == null) {
                    continue;
                }
                String text = labels[r.link()];
                if (text.length() > r.labelWidth()) {
                    continue;
                }
                int lx = r.label().x();
                int ly = r.label().y() + HEADER_ROWS;
                boolean free = true;
                for (int i = -1; i <= text.length(); i++) {
                    if (canvas.contains(lx + i, ly) && lettered[ly * w + lx + i]) {
                        free = false;
                    }
                }
                if (!free) {
                    continue;
                }
                canvas.put(lx - 1, ly, ' ', Style.PLAIN);
                canvas.text(lx, ly, text, s == Style.FAINT ? Style.TAG : s);
                canvas.put(lx + text.length(), ly, ' ', Style.PLAIN);
                for (int i = -1; i <= text.length(); i++) {
                    if (canvas.contains(lx + i, ly)) {
                        lettered[ly * w + lx + i] = true;
                    }
                }
            }
        }

        private static int dirBit(int dx, int dy) {
            if (dx > 0) {
                return 2;
            }
            if (dx < 0) {
                return 8;
            }
            return dy > 0 ? 4 : 1;
        }

        private static void mark(int[] mask, Style[] style, int w, int x, int y, int bit, Style s) {
            if (x < 0 || y < 0 || x >= w || y * w + x >= mask.length) {
                return;
            }
            int i = y * w + x;
            mask[i] |= bit;
            if (style[i] == null || rank(s) > rank(style[i])) {
                style[i] = s;
            }
        }

        private static int rank(Style s) {
            switch (s) {
                case FAULT:
                    return 4;
                case THROTTLE:
                    return 3;
                case CLIENT_ERROR:
                    return 2;
                default:
                    return 1;
            }
        }

        private static Style edgeStyle(Stats s) {
            if (s.faults() > 0) {
                return Style.FAULT;
            }
            if (s.throttles() > 0) {
                return Style.THROTTLE;
            }
            if (s.clientErrors() > 0) {
                return Style.CLIENT_ERROR;
            }
            return Style.FAINT;
        }

        private void drawUnit(Canvas c, int u, int x, int y, int width, Map<Integer, String> fitted,
                              Map<Integer, int[]> boxes) {
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
            nodeBody(c, x, y + 1, width, first, fitted.get(first.referenceId()));
            if (unit.isPair()) {
                ServiceNode app = unit.members().get(1);
                separator(c, x, y + 4, width, separatorText(u));
                nodeBody(c, x, y + 5, width, app, fitted.get(app.referenceId()));
                frameBottom(c, x, y + 8, width);
                boxes.put(first.referenceId(), new int[] {x, y, width, 5});
                boxes.put(app.referenceId(), new int[] {x, y + 4, width, 5});
            } else {
                frameBottom(c, x, y + 4, width);
                boxes.put(first.referenceId(), new int[] {x, y, width, 5});
            }
        }

        private void frameTop(Canvas c, int x, int y, int width, String tag) {
            c.put(x, y, g.topLeft, Style.FAINT);
            for (int i = 1; i < width - 1; i++) {
                c.put(x + i, y, g.horizontal(), Style.FAINT);
            }
            c.put(x + width - 1, y, g.topRight, Style.FAINT);
            if (tag != null && tag.length() + 4 <= width) {
                c.text(x + 2, y, " " + tag + " ", Style.TAG);
            }
        }

        private void separator(Canvas c, int x, int y, int width, String text) {
            c.put(x, y, g.teeRight, Style.FAINT);
            for (int i = 1; i < width - 1; i++) {
                c.put(x + i, y, g.horizontal(), Style.FAINT);
            }
            c.put(x + width - 1, y, g.teeLeft, Style.FAINT);
            String shown = text.length() + 4 <= width ? text : text.substring(0, Math.max(0, width - 4));
            c.text(x + 2, y, " " + shown + " ", Style.TAG);
        }

        private void frameBottom(Canvas c, int x, int y, int width) {
            c.put(x, y, g.bottomLeft, Style.FAINT);
            for (int i = 1; i < width - 1; i++) {
                c.put(x + i, y, g.horizontal(), Style.FAINT);
            }
            c.put(x + width - 1, y, g.bottomRight, Style.FAINT);
        }

        /** Three rows: name, latency and rate, health bar with success share. */
        private void nodeBody(Canvas c, int x, int y, int width, ServiceNode n, String name) {
            int inner = width - 4;
            for (int r = 0; r < 3; r++) {
                c.put(x, y + r, g.vertical(), Style.FAINT);
                c.put(x + width - 1, y + r, g.vertical(), Style.FAINT);
            }
            c.text(x + 2, y, name, Style.STRONG);
            Stats s = n.stats();
            c.text(x + 2, y + 1, truncate(statsLine(s), inner), Style.PLAIN);
            int barWidth = inner - BAR_PERCENT;
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
            Style pctStyle = s.ok() == s.total() ? Style.OK : s.faults() > 0 ? Style.FAULT
                    : s.throttles() > 0 ? Style.THROTTLE : Style.CLIENT_ERROR;
            c.text(x + 2 + inner - pct.length(), y + 2, pct, pctStyle);
        }

        private List<String> legend() {
            List<String> lines = new ArrayList<>();
            StringBuilder first = new StringBuilder();
            first.append(g.ok).append(" ok  ").append(g.clientError).append(" 4xx  ").append(g.fault).append(" 5xx  ")
                    .append(g.throttle).append(" 429 throttled");
            if (!units.pairEdge.isEmpty() || units.units.stream().anyMatch(MapUnits.Unit::isPair)) {
                first.append("   ").append(g.pairLink).append(" proxy and app of one task");
            }
            lines.add(first.toString());
            if (!names.droppedPrefix().isEmpty()) {
                lines.add("Names shortened: \"" + names.droppedPrefix() + "\" dropped from mesh nodes.");
            }
            return lines;
        }

        private void drawLegendLine(Canvas c, int y, String line) {
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                Style s = ch == g.ok ? Style.OK : ch == g.clientError ? Style.CLIENT_ERROR : ch == g.fault ? Style.FAULT
                        : ch == g.throttle ? Style.THROTTLE : Style.FAINT;
                if (i > 0 && line.charAt(i - 1) != ' ') {
                    s = Style.FAINT;
                }
                c.put(i, y, ch, s);
            }
        }

        private static String truncate(String s, int width) {
            return s.length() <= width ? s : s.substring(0, Math.max(0, width));
        }
    }
}
