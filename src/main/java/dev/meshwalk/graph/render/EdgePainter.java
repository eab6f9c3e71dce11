package dev.meshwalk.graph.render;

import dev.meshwalk.graph.Stats;
import dev.meshwalk.graph.layout.LinkRoute;
import dev.meshwalk.graph.layout.Routing;

import java.util.List;

/**
 * Draws the routed links: their lines, arrow heads and labels. Lines are drawn as a bit mask per cell
 * (up, right, down, left) so that where links meet, branch or cross the right junction glyph appears; a
 * cell shared by several links takes the most alarming style among them (5xx over 429 over 4xx). A label
 * is written only where it fits its room and does not touch another label.
 */
final class EdgePainter {

    private static final int UP = 1;
    private static final int RIGHT = 2;
    private static final int DOWN = 4;
    private static final int LEFT = 8;

    private final Glyphs g;
    private final MapUnits units;
    /** Rows above the layout (the header): layout row 0 is canvas row {@code top}. */
    private final int top;

    EdgePainter(Glyphs g, MapUnits units, int top) {
        this.g = g;
        this.units = units;
        this.top = top;
    }

    /** Draws every route; {@code labels} holds each link's label text by link index. */
    void draw(Canvas canvas, Routing routing, String[] labels) {
        lines(canvas, routing);
        arrowsAndLabels(canvas, routing, labels);
    }

    private void lines(Canvas canvas, Routing routing) {
        int w = canvas.width();
        int h = canvas.height();
        int[] mask = new int[w * h];
        Style[] style = new Style[w * h];
        for (LinkRoute r : routing.routes()) {
            Style s = style(r);
            List<LinkRoute.Cell> pts = r.points();
            for (int i = 0; i + 1 < pts.size(); i++) {
                LinkRoute.Cell a = pts.get(i);
                LinkRoute.Cell b = pts.get(i + 1);
                int dx = Integer.signum(b.x() - a.x());
                int dy = Integer.signum(b.y() - a.y());
                int x = a.x();
                int y = a.y() + top;
                while (x != b.x() || y != b.y() + top) {
                    int nx = x + dx;
                    int ny = y + dy;
                    mark(mask, style, w, x, y, direction(dx, dy), s);
                    mark(mask, style, w, nx, ny, direction(-dx, -dy), s);
                    x = nx;
                    y = ny;
                }
            }
            if (pts.size() == 1) {
                mark(mask, style, w, pts.get(0).x(), pts.get(0).y() + top, RIGHT | LEFT, s);
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
    }

    private void arrowsAndLabels(Canvas canvas, Routing routing, String[] labels) {
        int w = canvas.width();
        boolean[] lettered = new boolean[w * canvas.height()];
        for (LinkRoute r : routing.routes()) {
            Style s = style(r);
            canvas.put(r.arrow().x(), r.arrow().y() + top, r.arrowLeft() ? g.arrowLeft : g.arrowRight,
                    s == Style.FAINT ? Style.PLAIN : s);
            if (r.label() == null) {
                continue;
            }
            String text = labels[r.link()];
            if (text.length() > r.labelWidth()) {
                continue;
            }
            int lx = r.label().x();
            int ly = r.label().y() + top;
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

    private Style style(LinkRoute r) {
        Stats s = units.links.get(r.link()).edge().stats();
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

    private static int direction(int dx, int dy) {
        if (dx > 0) {
            return RIGHT;
        }
        if (dx < 0) {
            return LEFT;
        }
        return dy > 0 ? DOWN : UP;
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

    /** How alarming a line style is: the worst wins a shared cell. */
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
}
