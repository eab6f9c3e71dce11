package dev.meshwalk.graph.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Properties every layout must have, checked on random graphs of several sizes (fixed seeds). */
class LayoutInvariantsTest {

    private static final int WIDTH = 20;

    /** A random graph with box widths and label lengths; other layout tests draw on it too. */
    record Case(LayoutGraph graph, int[] widths, int[] labels) {
    }

    static Case randomGraph(int boxes, long seed) {
        Random rnd = new Random(seed);
        LayoutGraph g = new LayoutGraph();
        int[] widths = new int[boxes];
        for (int i = 0; i < boxes; i++) {
            int kind = rnd.nextInt(3);
            if (kind == 0) {
                g.addBox(new LayoutGraph.Box(3, List.of(new LayoutGraph.Section(1, 1))));
            } else if (kind == 1) {
                g.addBox(new LayoutGraph.Box(5, List.of(new LayoutGraph.Section(1, 3))));
            } else {
                g.addBox(new LayoutGraph.Box(9, List.of(new LayoutGraph.Section(1, 3), new LayoutGraph.Section(5, 7))));
            }
            widths[i] = 8 + rnd.nextInt(WIDTH);
        }
        Set<Long> seen = new HashSet<>();
        int links = boxes + rnd.nextInt(boxes + 1);
        for (int k = 0; k < links; k++) {
            int a = rnd.nextInt(boxes);
            int b = rnd.nextInt(boxes);
            // Mostly forward (like calls down a stack of services), some backward: cycles happen.
            if (a > b && rnd.nextDouble() < 0.85) {
                int t = a;
                a = b;
                b = t;
            }
            if (!seen.add((long) a * boxes + b)) {
                continue;
            }
            g.addLink(a, rnd.nextInt(g.box(a).sections().size()), b, rnd.nextInt(g.box(b).sections().size()));
        }
        int[] labels = new int[g.linkCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rnd.nextInt(9);
        }
        return new Case(g, widths, labels);
    }

    @ParameterizedTest(name = "{0} boxes, seed {1}, crossings repaired: {2}")
    @CsvSource({"1,1,false", "2,2,false", "6,3,false", "12,4,false", "25,5,false", "40,6,false", "80,7,false",
        "150,8,false", "12,4,true", "25,5,true", "40,6,true", "80,7,true", "150,8,true"})
    void boxesNeverOverlapAndEveryLinkRunsFromCallerToCallee(int boxes, long seed, boolean forDrawing) {
        Case c = randomGraph(boxes, seed);
        LayoutGraph g = c.graph();
        Arrangement arrangement = LayeredLayout.arrange(g);
        Routing r = forDrawing ? arrangement.routeForDrawing(c.widths(), c.labels())
                : arrangement.route(c.widths(), c.labels());

        // No two boxes share a cell.
        for (int i = 0; i < g.boxCount(); i++) {
            for (int j = i + 1; j < g.boxCount(); j++) {
                boolean apartX = r.boxX(i) + c.widths()[i] <= r.boxX(j) || r.boxX(j) + c.widths()[j] <= r.boxX(i);
                boolean apartY = r.boxY(i) + g.box(i).height() <= r.boxY(j) || r.boxY(j) + g.box(j).height() <= r.boxY(i);
                assertThat(apartX || apartY).as("boxes %d and %d overlap", i, j).isTrue();
            }
        }
        Set<Integer> drawn = new HashSet<>();
        for (LinkRoute route : r.routes()) {
            LayoutGraph.Link link = g.link(route.link());
            drawn.add(route.link());
            boolean reversed = arrangement.isReversed(route.link());
            int left = reversed ? link.to() : link.from();
            int leftSection = reversed ? link.toSection() : link.fromSection();
            int right = reversed ? link.from() : link.to();
            int rightSection = reversed ? link.fromSection() : link.toSection();
            // Callers left of callees (links that close a cycle run the other way, arrow first).
            assertThat(r.boxX(left)).as("link %d goes left to right", route.link()).isLessThan(r.boxX(right));
            assertThat(route.arrowLeft()).isEqualTo(reversed);

            LinkRoute.Cell first = route.points().get(0);
            LinkRoute.Cell last = route.points().get(route.points().size() - 1);
            LayoutGraph.Section ls = g.box(left).sections().get(leftSection);
            LayoutGraph.Section rs = g.box(right).sections().get(rightSection);
            assertThat(first.x()).as("starts right after its box").isEqualTo(r.boxX(left) + c.widths()[left]);
            assertThat(first.y() - r.boxY(left)).isBetween(ls.firstRow(), ls.lastRow());
            assertThat(last.x()).as("ends right before its box").isEqualTo(r.boxX(right) - 1);
            assertThat(last.y() - r.boxY(right)).isBetween(rs.firstRow(), rs.lastRow());
            assertThat(route.arrow()).isEqualTo(reversed ? first : last);

            // Orthogonal, and never through a box.
            for (int k = 0; k + 1 < route.points().size(); k++) {
                LinkRoute.Cell a = route.points().get(k);
                LinkRoute.Cell b = route.points().get(k + 1);
                assertThat(a.x() == b.x() || a.y() == b.y()).as("segment %s-%s is orthogonal", a, b).isTrue();
                for (LinkRoute.Cell cell : cells(a, b)) {
                    for (int v = 0; v < g.boxCount(); v++) {
                        boolean inside = cell.x() >= r.boxX(v) && cell.x() < r.boxX(v) + c.widths()[v]
                                && cell.y() >= r.boxY(v) && cell.y() < r.boxY(v) + g.box(v).height();
                        assertThat(inside).as("link %d passes through box %d at %s", route.link(), v, cell).isFalse();
                    }
                }
            }
            assertThat(route.bends()).isEqualTo(route.points().size() - 2);
        }
        for (int li = 0; li < g.linkCount(); li++) {
            if (g.link(li).from() != g.link(li).to()) {
                assertThat(drawn).as("link %d is drawn", li).contains(li);
            }
        }
        assertThat(r.width()).isPositive();
    }

    private static List<LinkRoute.Cell> cells(LinkRoute.Cell a, LinkRoute.Cell b) {
        List<LinkRoute.Cell> out = new ArrayList<>();
        int dx = Integer.signum(b.x() - a.x());
        int dy = Integer.signum(b.y() - a.y());
        int x = a.x();
        int y = a.y();
        out.add(new LinkRoute.Cell(x, y));
        while (x != b.x() || y != b.y()) {
            x += dx;
            y += dy;
            out.add(new LinkRoute.Cell(x, y));
        }
        return out;
    }

    @ParameterizedTest(name = "chain of {0}")
    @CsvSource({"2", "5", "9"})
    void aChainIsOneStraightRow(int length) {
        LayoutGraph g = new LayoutGraph();
        for (int i = 0; i < length; i++) {
            g.addBox(new LayoutGraph.Box(5, List.of(new LayoutGraph.Section(1, 3))));
        }
        for (int i = 0; i + 1 < length; i++) {
            g.addLink(i, 0, i + 1, 0);
        }
        int[] widths = new int[length];
        java.util.Arrays.fill(widths, 10);
        Routing r = LayeredLayout.arrange(g).route(widths, new int[length - 1]);
        assertThat(r.bends()).isZero();
        assertThat(r.crossings()).isZero();
        assertThat(r.height()).isEqualTo(5);
    }
}
