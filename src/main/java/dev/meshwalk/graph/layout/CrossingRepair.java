package dev.meshwalk.graph.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rips up the links whose lines cross others and routes each again on the character grid, keeping a new
 * path only when it draws fewer {@code ┼}. The layered routing ({@link LinkRouter}) keeps every line in the
 * gaps between layers and in its dummies' rows; a free path can also use the empty space the layers leave
 * (above a short layer, between boxes, a few rows above and below the map). Boxes, columns, ports, arrows
 * and labels stay where they are, so the width never grows; only maps that have crossings are touched.
 *
 * <p>A rerouted link keeps both ends: it leaves its first cell rightwards as before, and it ends with the
 * straight run that carries its label (or its last cells) into the arrow. In between, the path is the
 * cheapest by {@link GridPathFinder}. It may run along the lines of its own fan-out (links that leave from
 * the same cell, which share lines already) and, in the last gap before its callee, along a bus into the
 * same entry row; there every line goes one way into one box, so merging misleads nobody. Any other line
 * it may only cross straight through; it never enters a box, the columns beside a box or a label.
 *
 * <p>The work is bounded: {@link #WORK_BUDGET} search states in all, the most crossed links first, and a
 * later round skips a link whose search found nothing and whose crossings have not changed since. See
 * docs/benchmarks/service-map.md for what it gains.
 */
final class CrossingRepair {

    /** Rows above and below the boxes a line may use. */
    private static final int SPARE_ROWS = 4;
    /** How far a new path may stray from the bounding box of the old one. */
    private static final int WINDOW_MARGIN = 24;
    private static final int MAX_ROUNDS = 3;
    /**
     * Search states for the whole repair. The 200-node benchmark map spends all of it in the first round
     * (about a quarter of a second; crossings 2131 with a quarter of it, 1862 with all); the 60-node map
     * needs 1.2M for all three rounds.
     */
    private static final long WORK_BUDGET = 4_000_000L;

    private final LineGrid grid;
    private final GridPathFinder finder;
    private final List<LinkRoute> routes;
    private final int[] labelLength;
    /** Per route: its crossings when a search last found nothing better, or -1. */
    private final int[] triedAt;
    private final Map<LinkRoute.Cell, List<Integer>> byFirstCell = new HashMap<>();
    private final Map<LinkRoute.Cell, List<Integer>> byLastCell = new HashMap<>();

    private CrossingRepair(Routing routing, int[] boxWidth, int[] boxHeight, int[] labelLength) {
        this.labelLength = labelLength;
        grid = new LineGrid(routing, boxWidth, boxHeight, labelLength, SPARE_ROWS);
        finder = new GridPathFinder(grid);
        routes = new ArrayList<>(routing.routes());
        triedAt = new int[routes.size()];
        Arrays.fill(triedAt, -1);
        for (int i = 0; i < routes.size(); i++) {
            List<LinkRoute.Cell> pts = routes.get(i).points();
            byFirstCell.computeIfAbsent(pts.get(0), k -> new ArrayList<>()).add(i);
            byLastCell.computeIfAbsent(pts.get(pts.size() - 1), k -> new ArrayList<>()).add(i);
            grid.add(routes.get(i));
        }
    }

    /**
     * The routing with the crossings that rerouting one link at a time removes; the same routing when it
     * has none or no link finds a better path.
     *
     * @param boxHeight   rows of each box
     * @param labelLength length of each link's label text (0 for none), as given to {@link Arrangement#route}
     */
    static Routing repair(Routing routing, int[] boxWidth, int[] boxHeight, int[] labelLength) {
        if (routing.crossings() == 0) {
            return routing;
        }
        CrossingRepair repair = new CrossingRepair(routing, boxWidth, boxHeight, labelLength);
        boolean changed = false;
        for (int round = 0; round < MAX_ROUNDS && repair.withinBudget() && repair.improveAll(); round++) {
            changed = true;
        }
        return changed ? repair.result(routing) : routing;
    }

    private boolean withinBudget() {
        return finder.work() <= WORK_BUDGET;
    }

    /** One pass over the links that cross, most crossed first; true if any got a better path. */
    private boolean improveAll() {
        int n = routes.size();
        int[] crossings = new int[n];
        List<Integer> crossed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LinkRoute r = routes.get(i);
            grid.remove(r);
            crossings[i] = grid.crossingsOf(r.points());
            grid.add(r);
            if (crossings[i] > 0) {
                crossed.add(i);
            }
        }
        crossed.sort(Comparator.comparingInt((Integer i) -> -crossings[i]).thenComparingInt(i -> i));
        boolean improved = false;
        for (int i : crossed) {
            if (!withinBudget()) {
                break;
            }
            if (crossings[i] == triedAt[i]) {
                continue; // no better path last time, and its crossings have not changed since
            }
            boolean better = reroute(i);
            triedAt[i] = better ? -1 : crossings[i];
            improved |= better;
        }
        return improved;
    }

    private boolean reroute(int i) {
        LinkRoute old = routes.get(i);
        grid.remove(old);
        grid.share(fanOut(i), 0);
        grid.share(fanIn(i), lastCorner(old).x());
        int before = grid.crossingsOf(old.points());
        List<LinkRoute.Cell> path = before == 0 ? null : newPath(old);
        boolean better = path != null && grid.crossingsOf(path) < before;
        grid.clearShared();
        LinkRoute kept = better ? withPath(old, path) : old;
        routes.set(i, kept);
        grid.add(kept);
        return better;
    }

    /** The other links leaving from route {@code i}'s first cell. */
    private List<LinkRoute> fanOut(int i) {
        List<LinkRoute> friends = new ArrayList<>();
        for (int j : byFirstCell.get(routes.get(i).points().get(0))) {
            if (j != i) {
                friends.add(routes.get(j));
            }
        }
        return friends;
    }

    /** The links from other cells that end in route {@code i}'s last cell (one entry row of its callee). */
    private List<LinkRoute> fanIn(int i) {
        List<LinkRoute.Cell> pts = routes.get(i).points();
        List<LinkRoute> friends = new ArrayList<>();
        for (int j : byLastCell.get(pts.get(pts.size() - 1))) {
            if (j != i && !routes.get(j).points().get(0).equals(pts.get(0))) {
                friends.add(routes.get(j));
            }
        }
        return friends;
    }

    private static LinkRoute.Cell lastCorner(LinkRoute r) {
        List<LinkRoute.Cell> pts = r.points();
        return pts.get(Math.max(0, pts.size() - 2));
    }

    /** The cheapest path between the route's first cell and its fixed last run, in layout rows. */
    private List<LinkRoute.Cell> newPath(LinkRoute r) {
        List<LinkRoute.Cell> pts = r.points();
        LinkRoute.Cell first = pts.get(0);
        LinkRoute.Cell last = pts.get(pts.size() - 1);
        // The last run keeps the label and one line cell before it ("┘─ 42 ─▶"), or two cells before the arrow.
        int runStart = LineGrid.drawsLabel(r, labelLength) && r.label().y() == last.y()
                ? r.label().x() - 2 : last.x() - 1;
        int tx = runStart - 1;
        LinkRoute.Cell corner = lastCorner(r);
        if (pts.size() < 2 || corner.y() != last.y() || corner.x() > runStart || tx <= first.x() + 1) {
            return null;
        }
        int minY = Math.min(first.y(), last.y());
        int maxY = Math.max(first.y(), last.y());
        for (LinkRoute.Cell c : pts) {
            minY = Math.min(minY, c.y());
            maxY = Math.max(maxY, c.y());
        }
        int top = grid.top;
        List<LinkRoute.Cell> middle = finder.find(first.x() + 1, first.y() + top, tx, last.y() + top,
                Math.max(0, first.x() - WINDOW_MARGIN), Math.min(grid.width - 1, last.x() + WINDOW_MARGIN),
                Math.max(0, minY + top - WINDOW_MARGIN), Math.min(grid.height - 1, maxY + top + WINDOW_MARGIN));
        if (middle == null) {
            return null;
        }
        List<LinkRoute.Cell> path = new ArrayList<>();
        LinkRoute.addCorner(path, first);
        for (LinkRoute.Cell c : middle) {
            LinkRoute.addCorner(path, new LinkRoute.Cell(c.x(), c.y() - top));
        }
        LinkRoute.addCorner(path, last);
        return path;
    }

    private static LinkRoute withPath(LinkRoute old, List<LinkRoute.Cell> path) {
        return new LinkRoute(old.link(), path, old.arrow(), old.arrowLeft(), old.label(), old.labelWidth(),
                Math.max(0, path.size() - 2));
    }

    /** The repaired routing, moved down when a line uses rows above the boxes, with its figures recounted. */
    private Routing result(Routing old) {
        int minY = 0;
        int maxY = old.height() - 1;
        for (LinkRoute r : routes) {
            for (LinkRoute.Cell c : r.points()) {
                minY = Math.min(minY, c.y());
                maxY = Math.max(maxY, c.y());
            }
        }
        int shift = -minY;
        List<LinkRoute> moved = new ArrayList<>();
        List<int[]> horizontals = new ArrayList<>();
        List<int[]> verticals = new ArrayList<>();
        long bends = 0;
        for (LinkRoute r : routes) {
            List<LinkRoute.Cell> pts = new ArrayList<>();
            for (LinkRoute.Cell c : r.points()) {
                pts.add(down(c, shift));
            }
            for (int i = 0; i + 1 < pts.size(); i++) {
                LinkRoute.Cell p = pts.get(i);
                LinkRoute.Cell q = pts.get(i + 1);
                if (p.y() == q.y()) {
                    horizontals.add(new int[] {Math.min(p.x(), q.x()), Math.max(p.x(), q.x()), p.y(), r.link()});
                } else {
                    verticals.add(new int[] {p.x(), Math.min(p.y(), q.y()), Math.max(p.y(), q.y()), r.link()});
                }
            }
            bends += r.bends();
            moved.add(new LinkRoute(r.link(), pts, down(r.arrow(), shift), r.arrowLeft(), down(r.label(), shift),
                    r.labelWidth(), r.bends()));
        }
        int boxes = old.boxX().length;
        int[] boxX = new int[boxes];
        int[] boxY = new int[boxes];
        for (int b = 0; b < boxes; b++) {
            boxX[b] = old.boxX(b);
            boxY[b] = old.boxY(b) + shift;
        }
        long crossings = GridCrossings.count(horizontals, verticals, old.width() + 1);
        return new Routing(boxX, boxY, old.width(), maxY + 1 + shift, moved, crossings, bends);
    }

    private static LinkRoute.Cell down(LinkRoute.Cell c, int shift) {
        return c == null ? null : new LinkRoute.Cell(c.x(), c.y() + shift);
    }
}
