package dev.meshwalk.graph.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The row where each segment enters its target box section. Links into one section take rows in the order
 * of their callers' rows (so they do not cross at the door), each as close to its caller's row as the
 * section allows (so links run straight) but off the rows where other boxes' lines leave into the same
 * gap when the section has room. When a section has fewer rows than links, links share rows.
 */
final class EntryRows {

    private EntryRows() {
    }

    /** Entry row per segment, in layout rows. */
    static int[] assign(Arrangement a) {
        int[] inRow = new int[a.segFrom.length];
        Map<Integer, Set<Integer>> exitRowsByGap = new HashMap<>();
        for (int s = 0; s < a.segFrom.length; s++) {
            exitRowsByGap.computeIfAbsent(a.layerOf[a.segFrom[s]], k -> new HashSet<>()).add(a.sourceRow(s));
        }
        Map<Long, List<Integer>> bySection = new HashMap<>();
        for (int s = 0; s < a.segFrom.length; s++) {
            bySection.computeIfAbsent(((long) a.segTo[s] << 20) | a.segToSection[s], k -> new ArrayList<>()).add(s);
        }
        for (List<Integer> group : bySection.values()) {
            int v = a.segTo[group.get(0)];
            LayoutGraph.Section sec = a.section(v, a.segToSection[group.get(0)]);
            int lo = a.y[v] + sec.firstRow();
            int hi = a.y[v] + sec.lastRow();
            group.sort(Comparator.<Integer>comparingInt(a::sourceRow).thenComparingInt(s -> a.position[a.segFrom[s]]));
            int k = group.size();
            int rows = hi - lo + 1;
            if (k <= rows) {
                int prev = lo - 1;
                for (int i = 0; i < k; i++) {
                    int s = group.get(i);
                    int row = Math.max(prev + 1, Math.min(a.sourceRow(s), hi - (k - 1 - i)));
                    row = Math.max(row, lo);
                    inRow[s] = row;
                    prev = row;
                }
                avoidExitRows(a, group, inRow, lo, hi, exitRowsByGap);
            } else {
                for (int i = 0; i < k; i++) {
                    inRow[group.get(i)] = lo + (int) ((long) i * rows / k);
                }
            }
        }
        return inRow;
    }

    /**
     * Moves entries off rows where another net leaves its box in the same gap, where the rows of the group
     * allow (order kept, within the section): a line entering on such a row must turn right of the other
     * net's column or run into its exit ({@link ChannelAssignment}), which can cost crossings, and two nets
     * that swap rows cannot avoid it at all.
     */
    private static void avoidExitRows(Arrangement a, List<Integer> group, int[] inRow, int lo, int hi,
                                      Map<Integer, Set<Integer>> exitRowsByGap) {
        for (int i = 0; i < group.size(); i++) {
            int s = group.get(i);
            Set<Integer> exits = exitRowsByGap.get(a.layerOf[a.segFrom[s]]);
            int own = a.sourceRow(s);
            if (inRow[s] == own || !exits.contains(inRow[s])) {
                continue;
            }
            int floor = i == 0 ? lo : inRow[group.get(i - 1)] + 1;
            int ceiling = i == group.size() - 1 ? hi : inRow[group.get(i + 1)] - 1;
            int best = inRow[s];
            for (int row = floor; row <= ceiling; row++) {
                boolean free = row == own || !exits.contains(row);
                if (free && (best == inRow[s] || Math.abs(row - own) < Math.abs(best - own))) {
                    best = row;
                }
            }
            inRow[s] = best;
        }
    }
}
