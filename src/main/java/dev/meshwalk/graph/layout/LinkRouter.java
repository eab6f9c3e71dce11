package dev.meshwalk.graph.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns an {@link Arrangement} and box widths into a {@link Routing}: the columns of the layers, and for
 * every link an orthogonal path through the gaps between them. In each gap a segment leaves its box at its
 * section's middle row, turns (if it must) in its net's column ({@link ChannelAssignment}) and enters the
 * target at its entry row ({@link EntryRows}). A gap is as wide as its turning columns plus the widest
 * label that ends there, so labels sit just before their callee without covering a line's turn.
 */
final class LinkRouter {

    private final Arrangement a;
    private final int[] boxWidth;
    private final int[] labelWidth;

    LinkRouter(Arrangement a, int[] boxWidth, int[] labelWidth) {
        this.a = a;
        this.boxWidth = boxWidth;
        this.labelWidth = labelWidth;
    }

    Routing route() {
        LayoutGraph graph = a.graph;
        int layerCount = a.layers.length;
        int[] colW = new int[layerCount];
        Arrays.fill(colW, 1);
        for (int v = 0; v < graph.boxCount(); v++) {
            colW[a.layerOf[v]] = Math.max(colW[a.layerOf[v]], boxWidth[v]);
        }
        int segCount = a.segFrom.length;
        int[] inRow = EntryRows.assign(a);
        int[] channel = new int[segCount];
        int[] channelsInGap = new int[Math.max(0, layerCount - 1)];
        int[] labelRoom = new int[Math.max(0, layerCount - 1)];
        List<List<Integer>> segsByGap = new ArrayList<>();
        for (int l = 0; l + 1 < layerCount; l++) {
            segsByGap.add(new ArrayList<>());
        }
        for (int s = 0; s < segCount; s++) {
            segsByGap.get(a.layerOf[a.segFrom[s]]).add(s);
        }
        int[] netOf = new int[segCount];
        for (int l = 0; l + 1 < layerCount; l++) {
            channelsInGap[l] = ChannelAssignment.assign(a, segsByGap.get(l), inRow, channel, netOf);
            for (int s : segsByGap.get(l)) {
                if (!a.dummy[a.segTo[s]]) {
                    labelRoom[l] = Math.max(labelRoom[l], labelWidth[a.segLink[s]]);
                }
            }
        }
        int[] colX = new int[layerCount];
        for (int l = 0; l + 1 < layerCount; l++) {
            int gap = 1 + channelsInGap[l] + 1 + (labelRoom[l] > 0 ? labelRoom[l] + 2 : 0) + 1 + 1;
            colX[l + 1] = colX[l] + colW[l] + gap;
        }
        int width = layerCount == 0 ? 0 : colX[layerCount - 1] + colW[layerCount - 1];
        int heightUsed = 0;
        for (int v = 0; v < a.vertexCount; v++) {
            heightUsed = Math.max(heightUsed, a.y[v] + a.height[v]);
        }

        // Paths per segment, and crossings within each gap.
        List<List<int[]>> horizontalsByGap = new ArrayList<>();
        List<List<int[]>> verticalsByGap = new ArrayList<>();
        for (int l = 0; l + 1 < layerCount; l++) {
            horizontalsByGap.add(new ArrayList<>());
            verticalsByGap.add(new ArrayList<>());
        }
        List<LinkRoute> routes = new ArrayList<>();
        long bends = 0;
        for (int li = 0; li < graph.linkCount(); li++) {
            List<Integer> chain = a.chains.get(li);
            if (chain.isEmpty()) {
                continue;
            }
            List<LinkRoute.Cell> pts = new ArrayList<>();
            LinkRoute.Cell label = null;
            int labelCells = 0;
            for (int s : chain) {
                int l = a.layerOf[a.segFrom[s]];
                int ys = a.sourceRow(s);
                int yt = inRow[s];
                int sx = a.dummy[a.segFrom[s]] ? colX[l] : colX[l] + boxWidth[a.segFrom[s]];
                int gapStart = colX[l] + colW[l];
                int ex = colX[l + 1] - 1;
                LinkRoute.addCorner(pts, new LinkRoute.Cell(sx, ys));
                if (ys != yt) {
                    int cx = gapStart + 1 + channel[s];
                    LinkRoute.addCorner(pts, new LinkRoute.Cell(cx, ys));
                    LinkRoute.addCorner(pts, new LinkRoute.Cell(cx, yt));
                    horizontalsByGap.get(l).add(new int[] {sx, cx, ys, netOf[s]});
                    verticalsByGap.get(l).add(new int[] {cx, Math.min(ys, yt), Math.max(ys, yt), netOf[s]});
                    horizontalsByGap.get(l).add(new int[] {cx, ex, yt, netOf[s]});
                } else {
                    horizontalsByGap.get(l).add(new int[] {sx, ex, ys, netOf[s]});
                }
                LinkRoute.addCorner(pts, new LinkRoute.Cell(ex, yt));
                if (!a.dummy[a.segTo[s]] && labelRoom[l] > 0 && labelWidth[li] > 0) {
                    label = new LinkRoute.Cell(gapStart + 1 + channelsInGap[l] + 2, yt);
                    labelCells = labelRoom[l];
                }
            }
            LinkRoute.Cell first = pts.get(0);
            LinkRoute.Cell last = pts.get(pts.size() - 1);
            int linkBends = Math.max(0, pts.size() - 2);
            bends += linkBends;
            boolean reversed = a.isReversed(li);
            routes.add(new LinkRoute(li, pts, reversed ? first : last, reversed, label, labelCells, linkBends));
        }
        long crossings = 0;
        for (int l = 0; l + 1 < layerCount; l++) {
            crossings += GridCrossings.count(horizontalsByGap.get(l), verticalsByGap.get(l), width);
        }
        int[] boxX = new int[graph.boxCount()];
        int[] boxY = new int[graph.boxCount()];
        for (int v = 0; v < graph.boxCount(); v++) {
            boxX[v] = colX[a.layerOf[v]];
            boxY[v] = a.y[v];
        }
        return new Routing(boxX, boxY, width, heightUsed, routes, crossings, bends);
    }
}
