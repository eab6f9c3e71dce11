package dev.meshwalk.graph.layout;

import java.util.List;

/**
 * The path of one link on the character grid: an orthogonal polyline of cells from the first cell after
 * the caller's box to the last cell before the callee's box (or the reverse for links that close a cycle).
 *
 * @param link        index of the link in the {@link LayoutGraph}
 * @param points      corner cells, first and last included; consecutive points share a row or a column
 * @param arrow       the cell for the arrow head
 * @param arrowLeft   true when the arrow points left (a reversed link: the callee is left of the caller)
 * @param label       where the label text may start, or null when the link has no label room
 * @param labelWidth  how many cells the label may use
 * @param bends       number of corners
 */
public record LinkRoute(int link, List<Cell> points, Cell arrow, boolean arrowLeft, Cell label, int labelWidth,
                        int bends) {

    /** A cell of the grid. */
    public record Cell(int x, int y) {
    }

    public LinkRoute {
        points = List.copyOf(points);
    }

    /** Appends a corner to a path, dropping the previous one when the three lie on one row or column. */
    static void addCorner(List<Cell> points, Cell c) {
        int n = points.size();
        if (n > 0 && points.get(n - 1).equals(c)) {
            return;
        }
        if (n >= 2) {
            Cell p = points.get(n - 2);
            Cell q = points.get(n - 1);
            if (p.y() == q.y() && q.y() == c.y() || p.x() == q.x() && q.x() == c.x()) {
                points.set(n - 1, c);
                return;
            }
        }
        points.add(c);
    }
}
