package dev.meshwalk.graph.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rerouting crossed links on the grid: fewer crossings, the same ends, never along or through others. */
class CrossingRepairTest {

    private static LinkRoute.Cell cell(int x, int y) {
        return new LinkRoute.Cell(x, y);
    }

    @Test
    void aLineGoesRoundALineItNeedNotCross() {
        // Box 0 calls box 1 straight across; box 2's line down to box 3 crosses it, with free rows around.
        int[] boxX = {0, 30, 10, 20};
        int[] boxY = {5, 5, 0, 11};
        int[] widths = {6, 6, 4, 4};
        int[] heights = {3, 3, 3, 3};
        LinkRoute across = new LinkRoute(0, List.of(cell(6, 6), cell(29, 6)), cell(29, 6), false, null, 0, 0);
        LinkRoute down = new LinkRoute(1, List.of(cell(14, 1), cell(16, 1), cell(16, 12), cell(19, 12)),
                cell(19, 12), false, null, 0, 2);
        Routing before = new Routing(boxX, boxY, 36, 14, List.of(across, down), 1, 2);

        Routing after = CrossingRepair.repair(before, widths, heights, new int[2]);

        assertThat(DrawnCrossings.count(after.routes(), after.width(), after.height())).isZero();
        assertThat(after.crossings()).isZero();
        assertThat(after.width()).isEqualTo(36);
        int shift = after.boxY(0) - before.boxY(0);
        LinkRoute moved = after.routes().get(0);
        assertThat(moved.points().get(0)).isEqualTo(cell(6, 6 + shift));
        assertThat(moved.points().get(moved.points().size() - 1)).isEqualTo(cell(29, 6 + shift));
        assertThat(moved.arrow()).isEqualTo(cell(29, 6 + shift));
        assertThat(after.routes().get(1).points()).as("the line it went round stays")
                .containsExactly(cell(14, 1 + shift), cell(16, 1 + shift), cell(16, 12 + shift), cell(19, 12 + shift));
    }

    @Test
    void aCrossingDearerToAvoidThanToDrawStays() {
        // The crossed line runs 60 rows down past the straight one: going round it is a detour of 60 or more.
        int[] boxX = {0, 30, 10, 20};
        int[] boxY = {29, 29, 0, 59};
        int[] widths = {6, 6, 4, 4};
        int[] heights = {3, 3, 3, 3};
        LinkRoute across = new LinkRoute(0, List.of(cell(6, 30), cell(29, 30)), cell(29, 30), false, null, 0, 0);
        LinkRoute down = new LinkRoute(1, List.of(cell(14, 1), cell(16, 1), cell(16, 60), cell(19, 60)),
                cell(19, 60), false, null, 0, 2);
        Routing before = new Routing(boxX, boxY, 36, 62, List.of(across, down), 1, 2);

        assertThat(CrossingRepair.repair(before, widths, heights, new int[2])).isSameAs(before);
    }

    @Test
    void aMapWithoutCrossingsIsLeftAsItIs() {
        LinkRoute across = new LinkRoute(0, List.of(cell(6, 6), cell(29, 6)), cell(29, 6), false, null, 0, 0);
        Routing before = new Routing(new int[] {0, 30}, new int[] {5, 5}, 36, 9, List.of(across), 0, 0);

        assertThat(CrossingRepair.repair(before, new int[] {6, 6}, new int[] {3, 3}, new int[1])).isSameAs(before);
    }

    @ParameterizedTest(name = "random graphs of {0} boxes")
    @ValueSource(ints = {20, 50, 120})
    void repairedMapsCrossLessAndKeepEveryEndLabelAndLine(int boxes) {
        long drawnBefore = 0;
        long drawnAfter = 0;
        for (long seed = 1; seed <= 8; seed++) {
            LayoutInvariantsTest.Case c = LayoutInvariantsTest.randomGraph(boxes, seed * 7919);
            LayoutGraph g = c.graph();
            int[] widths = c.widths();
            int[] labels = c.labels();
            Arrangement arrangement = LayeredLayout.arrange(g);
            Routing before = arrangement.route(widths, labels);
            Routing after = arrangement.routeForDrawing(widths, labels);
            long db = DrawnCrossings.count(before.routes(), before.width(), before.height());
            long da = DrawnCrossings.count(after.routes(), after.width(), after.height());
            assertThat(da).as("seed %d: never more crossings", seed).isLessThanOrEqualTo(db);
            drawnBefore += db;
            drawnAfter += da;

            assertThat(after.width()).isEqualTo(before.width());
            int shift = after.boxY(0) - before.boxY(0);
            for (int b = 0; b < boxes; b++) {
                assertThat(after.boxX(b)).isEqualTo(before.boxX(b));
                assertThat(after.boxY(b)).isEqualTo(before.boxY(b) + shift);
            }
            for (int i = 0; i < before.routes().size(); i++) {
                LinkRoute r0 = before.routes().get(i);
                LinkRoute r1 = after.routes().get(i);
                assertThat(r1.link()).isEqualTo(r0.link());
                assertThat(r1.points().get(0)).isEqualTo(down(r0.points().get(0), shift));
                assertThat(r1.points().get(r1.points().size() - 1))
                        .isEqualTo(down(r0.points().get(r0.points().size() - 1), shift));
                assertThat(r1.arrow()).isEqualTo(down(r0.arrow(), shift));
                assertThat(r1.label()).isEqualTo(r0.label() == null ? null : down(r0.label(), shift));
            }
            Set<String> mergedBefore = merges(g, arrangement, before);
            assertThat(merges(g, arrangement, after)).as("lines the repair ran into others").isSubsetOf(mergedBefore);
            assertNoLineUnderAnotherLinksLabel(after, labels);
        }
        assertThat(drawnAfter).as("crossings over all seeds").isLessThan(drawnBefore);
    }

    private static LinkRoute.Cell down(LinkRoute.Cell c, int shift) {
        return cell(c.x(), c.y() + shift);
    }

    /**
     * Pairs of links whose lines share a cell along one axis though they neither leave from one cell nor go
     * into one box: a reader would take them for one line.
     */
    private static Set<String> merges(LayoutGraph g, Arrangement a, Routing r) {
        Set<String> merged = new HashSet<>();
        Map<String, List<LinkRoute>> byCellAndAxis = new HashMap<>();
        for (LinkRoute route : r.routes()) {
            Set<String> mine = new HashSet<>();
            List<LinkRoute.Cell> pts = route.points();
            for (int k = 0; k + 1 < pts.size(); k++) {
                LinkRoute.Cell p = pts.get(k);
                LinkRoute.Cell q = pts.get(k + 1);
                String axis = p.y() == q.y() ? "h" : "v";
                int dx = Integer.signum(q.x() - p.x());
                int dy = Integer.signum(q.y() - p.y());
                for (int x = p.x(), y = p.y(); x != q.x() || y != q.y(); x += dx, y += dy) {
                    mine.add((x + dx) + "," + (y + dy) + axis);
                    mine.add(x + "," + y + axis);
                }
            }
            for (String key : mine) {
                byCellAndAxis.computeIfAbsent(key, k -> new ArrayList<>()).add(route);
            }
        }
        for (Map.Entry<String, List<LinkRoute>> e : byCellAndAxis.entrySet()) {
            List<LinkRoute> here = e.getValue();
            for (int i = 0; i < here.size(); i++) {
                for (int j = i + 1; j < here.size(); j++) {
                    LinkRoute p = here.get(i);
                    LinkRoute q = here.get(j);
                    boolean sameStart = p.points().get(0).equals(q.points().get(0));
                    boolean sameEndBox = rightBox(g, a, p.link()) == rightBox(g, a, q.link());
                    if (!sameStart && !sameEndBox) {
                        merged.add(Math.min(p.link(), q.link()) + "+" + Math.max(p.link(), q.link()));
                    }
                }
            }
        }
        return merged;
    }

    private static int rightBox(LayoutGraph g, Arrangement a, int link) {
        return a.isReversed(link) ? g.link(link).from() : g.link(link).to();
    }

    private static void assertNoLineUnderAnotherLinksLabel(Routing r, int[] labels) {
        for (LinkRoute labelled : r.routes()) {
            if (!LineGrid.drawsLabel(labelled, labels)) {
                continue;
            }
            int y = labelled.label().y();
            int from = labelled.label().x() - 1;
            int to = labelled.label().x() + labels[labelled.link()];
            for (LinkRoute other : r.routes()) {
                if (other == labelled) {
                    continue;
                }
                List<LinkRoute.Cell> pts = other.points();
                for (int k = 0; k + 1 < pts.size(); k++) {
                    LinkRoute.Cell p = pts.get(k);
                    LinkRoute.Cell q = pts.get(k + 1);
                    boolean rowHit = p.y() == y && q.y() == y
                            && Math.max(p.x(), q.x()) >= from && Math.min(p.x(), q.x()) <= to;
                    boolean columnHit = p.x() == q.x() && p.x() >= from && p.x() <= to
                            && Math.min(p.y(), q.y()) <= y && Math.max(p.y(), q.y()) >= y;
                    if (other.points().get(other.points().size() - 1).equals(labelled.points()
                            .get(labelled.points().size() - 1))) {
                        continue; // a bus into the same entry row runs under the label by design
                    }
                    assertThat(rowHit || columnHit).as("link %d runs under link %d's label", other.link(),
                            labelled.link()).isFalse();
                }
            }
        }
    }
}
