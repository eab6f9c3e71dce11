package dev.meshwalk.graph.render;

import dev.meshwalk.graph.Stats;

/**
 * Splits a bar of cells among outcomes in proportion to their counts (largest remainder), giving every
 * outcome that happened at least one cell: two failures in a hundred must not vanish from the picture.
 * Also says how the success share beside the bar (and in the table's SUCCESS column) is coloured.
 */
final class HealthBar {

    private HealthBar() {
    }

    static int[] cells(long[] counts, int width) {
        int k = counts.length;
        int[] cells = new int[k];
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0 || width <= 0) {
            return cells;
        }
        double[] remainder = new double[k];
        int used = 0;
        for (int i = 0; i < k; i++) {
            double exact = (double) counts[i] * width / total;
            cells[i] = (int) Math.floor(exact);
            remainder[i] = exact - cells[i];
            used += cells[i];
        }
        while (used < width) {
            int best = -1;
            for (int i = 0; i < k; i++) {
                if (counts[i] > 0 && (best < 0 || remainder[i] > remainder[best])) {
                    best = i;
                }
            }
            cells[best]++;
            remainder[best] = -1;
            used++;
        }
        for (int i = 0; i < k; i++) {
            if (counts[i] > 0 && cells[i] == 0) {
                int donor = 0;
                for (int j = 1; j < k; j++) {
                    if (cells[j] > cells[donor]) {
                        donor = j;
                    }
                }
                if (cells[donor] > 1) {
                    cells[donor]--;
                    cells[i] = 1;
                }
            }
        }
        return cells;
    }

    /** Faint without requests, green when all were ok, else the colour of the worst outcome (5xx, 429, 4xx). */
    static Style successStyle(Stats s) {
        if (s.total() == 0) {
            return Style.FAINT;
        }
        if (s.ok() == s.total()) {
            return Style.OK;
        }
        return s.faults() > 0 ? Style.FAULT : s.throttles() > 0 ? Style.THROTTLE : Style.CLIENT_ERROR;
    }
}
