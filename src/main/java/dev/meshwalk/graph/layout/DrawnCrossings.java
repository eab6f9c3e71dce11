package dev.meshwalk.graph.layout;

import java.util.List;

/**
 * Counts crossings the way a reader (and the benchmark) sees them: cells where lines run in all four
 * directions, drawn as {@code ┼}. Lines that share cells (a caller's fan-out, a fan-in bus) count once
 * where another line crosses them, unlike {@link GridCrossings}, which counts every pair of lines.
 */
final class DrawnCrossings {

    private static final int UP = 1;
    private static final int RIGHT = 2;
    private static final int DOWN = 4;
    private static final int LEFT = 8;

    private DrawnCrossings() {
    }

    static long count(List<LinkRoute> routes, int width, int height) {
        int w = width + 1;
        int h = height + 1;
        byte[] mask = new byte[w * h];
        for (LinkRoute r : routes) {
            List<LinkRoute.Cell> pts = r.points();
            for (int i = 0; i + 1 < pts.size(); i++) {
                LinkRoute.Cell p = pts.get(i);
                LinkRoute.Cell q = pts.get(i + 1);
                if (p.y() == q.y()) {
                    int y = p.y();
                    for (int x = Math.min(p.x(), q.x()); x < Math.max(p.x(), q.x()); x++) {
                        mark(mask, w, h, x, y, RIGHT);
                        mark(mask, w, h, x + 1, y, LEFT);
                    }
                } else {
                    int x = p.x();
                    for (int y = Math.min(p.y(), q.y()); y < Math.max(p.y(), q.y()); y++) {
                        mark(mask, w, h, x, y, DOWN);
                        mark(mask, w, h, x, y + 1, UP);
                    }
                }
            }
        }
        long crossings = 0;
        for (byte m : mask) {
            if (m == (UP | RIGHT | DOWN | LEFT)) {
                crossings++;
            }
        }
        return crossings;
    }

    private static void mark(byte[] mask, int w, int h, int x, int y, int bit) {
        if (x >= 0 && y >= 0 && x < w && y < h) {
            mask[y * w + x] |= (byte) bit;
        }
    }
}
