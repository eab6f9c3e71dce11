package dev.meshwalk.graph.render;

import dev.meshwalk.graph.ServiceEdge;
import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.layout.Arrangement;

import java.util.Collection;
import java.util.Map;

/**
 * How wide the boxes are. Clients get a fixed narrow box; every other box gets one inner width, the widest
 * that the names and numbers need (within {@link #MIN_INNER}..{@link #MAX_INNER}) and that still lets the
 * whole map fit the screen. Routing an arrangement is cheap, so the width is found by bisection over real
 * routes rather than estimated.
 */
final class BoxSizing {

    private static final int CLIENT_INNER = 7;
    private static final int MIN_INNER = 10;
    private static final int MAX_INNER = 26;
    /** Room after a health bar for its success share, " 100%". */
    static final int BAR_PERCENT = 5;
    /** Border and one blank on each side of a box's content. */
    private static final int FRAME = 4;

    private final MapUnits units;
    private final NodeNames names;
    private final MapTexts texts;
    private final Collection<ServiceNode> nodes;
    private final int screenWidth;

    BoxSizing(MapUnits units, NodeNames names, MapTexts texts, Collection<ServiceNode> nodes, int screenWidth) {
        this.units = units;
        this.names = names;
        this.texts = texts;
        this.nodes = nodes;
        this.screenWidth = screenWidth;
    }

    /**
     * The widest box content (up to what the names need) that still fits the width; when even the
     * narrowest boxes do not fit, the map will be panned anyway: boxes are then as wide as their names and
     * numbers need and no wider (the health bar shortens), so a wide map pans less.
     */
    int innerWidth(Arrangement arrangement, int[] labelWidth) {
        int preferred = preferred();
        if (fits(arrangement, preferred, labelWidth)) {
            return preferred;
        }
        int narrowest = narrowest();
        if (!fits(arrangement, narrowest, labelWidth)) {
            return Math.min(preferred, Math.max(MIN_INNER, contentInner()));
        }
        int lo = narrowest;
        int hi = preferred;
        while (hi - lo > 1) {
            int mid = (lo + hi) / 2;
            if (fits(arrangement, mid, labelWidth)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether the map fits the screen with the narrowest boxes (else it is panned). */
    boolean fitsAtNarrowest(Arrangement arrangement, int[] labelWidth) {
        return fits(arrangement, narrowest(), labelWidth);
    }

    private int preferred() {
        return Math.max(MIN_INNER, Math.min(MAX_INNER, neededInner()));
    }

    /** Names can lose their middle; the numbers cannot, so no box gets narrower than its stats line. */
    private int narrowest() {
        return Math.min(preferred(), Math.max(MIN_INNER, statsInner()));
    }

    /** What names, numbers and pair separators need, without the roomy margin and the full-length bar. */
    private int contentInner() {
        int need = names.longest() + 2;
        for (ServiceNode n : nodes) {
            need = Math.max(need, texts.statsLine(n.stats()).length());
        }
        for (Map.Entry<Integer, ServiceEdge> e : units.pairEdge.entrySet()) {
            need = Math.max(need, texts.separator(e.getKey()).length() + 3);
        }
        return need;
    }

    /** Each box's outer width, borders included, for a given inner width. */
    int[] widths(int inner) {
        int[] widths = new int[units.units.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = (units.units.get(i).isClient() ? CLIENT_INNER : inner) + FRAME;
        }
        return widths;
    }

    private boolean fits(Arrangement arrangement, int inner, int[] labelWidth) {
        return arrangement.route(widths(inner), labelWidth).width() <= screenWidth;
    }

    private int statsInner() {
        int need = 0;
        for (ServiceNode n : nodes) {
            if (!n.isClient()) {
                need = Math.max(need, texts.statsLine(n.stats()).length() + 2);
            }
        }
        return need;
    }

    private int neededInner() {
        int need = Math.max(names.longest() + 2, 12 + BAR_PERCENT);
        for (ServiceNode n : nodes) {
            need = Math.max(need, texts.statsLine(n.stats()).length() + 2);
        }
        for (Map.Entry<Integer, ServiceEdge> e : units.pairEdge.entrySet()) {
            need = Math.max(need, texts.separator(e.getKey()).length() + 3);
        }
        return need;
    }
}
