package dev.meshwalk.graph.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of one gap between layers where links turn up or down. The links leaving one box section
 * form a net: they share their first cells and one column. Nets whose rows do not overlap share a column;
 * nested nets cross least when down-going nets take columns from the lowest source and up-going ones from
 * the highest, but which group goes first, and the inner direction, depend on the gap, so the four
 * variants are tried and the one with the fewest crossings is kept.
 */
final class ChannelAssignment {

    /** The links leaving one box section in one gap: they share their first cells and their column. */
    private record Net(int id, List<Integer> segs, int source, int lo, int hi, boolean down, boolean bends) {
    }

    private ChannelAssignment() {
    }

    /**
     * Fills {@code channel} (column index in the gap, -1 for a straight link) and {@code netOf} for the
     * given segments of one gap, and returns the number of columns used.
     */
    static int assign(Arrangement a, List<Integer> segs, int[] inRow, int[] channel, int[] netOf) {
        List<Net> list = nets(a, segs, inRow, netOf);
        Comparator<Net> downFirst = Comparator.<Net, Boolean>comparing(n -> !n.down())
                .thenComparingInt(n -> n.down() ? -n.source() : n.source());
        Comparator<Net> upFirst = Comparator.<Net, Boolean>comparing(Net::down)
                .thenComparingInt(n -> n.down() ? -n.source() : n.source());
        List<Comparator<Net>> variants = List.of(downFirst, upFirst, downFirst.reversed(), upFirst.reversed());
        int[] bestChannel = null;
        int bestColumns = 0;
        long bestCrossings = Long.MAX_VALUE;
        for (Comparator<Net> order : variants) {
            List<Net> sorted = new ArrayList<>(list);
            sorted.sort(order);
            int[] netChannel = new int[list.size()];
            int columns = packColumns(sorted, netChannel);
            long crossings = crossings(list, netChannel, columns, inRow);
            if (crossings < bestCrossings) {
                bestCrossings = crossings;
                bestChannel = netChannel;
                bestColumns = columns;
            }
            if (crossings == 0) {
                break;
            }
        }
        for (Net net : list) {
            for (int s : net.segs()) {
                channel[s] = bestChannel == null ? -1 : bestChannel[net.id()];
            }
        }
        return bestColumns;
    }

    /** Groups the segments by source section, in order of first appearance. */
    private static List<Net> nets(Arrangement a, List<Integer> segs, int[] inRow, int[] netOf) {
        Map<Long, List<Integer>> nets = new HashMap<>();
        List<Long> netKeys = new ArrayList<>();
        for (int s : segs) {
            long key = ((long) a.segFrom[s] << 20) | a.segFromSection[s];
            nets.computeIfAbsent(key, k -> {
                netKeys.add(k);
                return new ArrayList<>();
            }).add(s);
        }
        List<Net> list = new ArrayList<>();
        for (int i = 0; i < netKeys.size(); i++) {
            List<Integer> ns = nets.get(netKeys.get(i));
            int ys = a.sourceRow(ns.get(0));
            int lo = ys;
            int hi = ys;
            double sum = 0;
            boolean bends = false;
            for (int s : ns) {
                lo = Math.min(lo, inRow[s]);
                hi = Math.max(hi, inRow[s]);
                sum += inRow[s];
                bends |= inRow[s] != ys;
                netOf[s] = i;
            }
            list.add(new Net(i, ns, ys, lo, hi, sum / ns.size() >= ys, bends));
        }
        return list;
    }

    /** First fit: each bending net, in the given order, takes the first column where its rows are free. */
    private static int packColumns(List<Net> sorted, int[] netChannel) {
        List<List<int[]>> columns = new ArrayList<>();
        for (Net net : sorted) {
            if (!net.bends()) {
                netChannel[net.id()] = -1;
                continue;
            }
            int chosen = -1;
            for (int c = 0; c < columns.size() && chosen < 0; c++) {
                boolean free = true;
                for (int[] iv : columns.get(c)) {
                    if (net.lo() <= iv[1] && iv[0] <= net.hi()) {
                        free = false;
                        break;
                    }
                }
                if (free) {
                    chosen = c;
                }
            }
            if (chosen < 0) {
                columns.add(new ArrayList<>());
                chosen = columns.size() - 1;
            }
            columns.get(chosen).add(new int[] {net.lo(), net.hi()});
            netChannel[net.id()] = chosen;
        }
        return columns.size();
    }

    /** Crossings of one variant, counted in gap coordinates (column 0 is the gap's left edge). */
    private static long crossings(List<Net> nets, int[] netChannel, int columns, int[] inRow) {
        List<int[]> horizontals = new ArrayList<>();
        List<int[]> verticals = new ArrayList<>();
        int end = columns + 2;
        for (Net net : nets) {
            int ch = netChannel[net.id()];
            for (int s : net.segs()) {
                int yt = inRow[s];
                if (ch < 0 || yt == net.source()) {
                    horizontals.add(new int[] {0, end, net.source(), net.id()});
                } else {
                    horizontals.add(new int[] {0, 1 + ch, net.source(), net.id()});
                    verticals.add(new int[] {1 + ch, Math.min(net.source(), yt), Math.max(net.source(), yt), net.id()});
                    horizontals.add(new int[] {1 + ch, end, yt, net.id()});
                }
            }
        }
        return GridCrossings.count(horizontals, verticals, end + 1);
    }
}
