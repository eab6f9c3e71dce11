package dev.meshwalk.graph.render;

import dev.meshwalk.graph.ServiceEdge;
import dev.meshwalk.graph.Stats;

import java.util.HashMap;
import java.util.Map;

/**
 * What the map writes in and beside its boxes: a node's latency and rate line, the proxy/app separator of a
 * pair, and each link's label in the chosen {@link LabelMode}. Apart from the painters because
 * {@link BoxSizing} measures the same texts before anything is drawn.
 */
final class MapTexts {

    private final MapUnits units;
    private final LabelMode labels;
    private final Glyphs g;
    /** Minutes in the time window, NaN without one (rates then become plain counts). */
    private final double minutes;
    /** Requests leaving each box member, for {@link LabelMode#SHARE}. */
    private final Map<Long, Long> outgoing = new HashMap<>();

    MapTexts(MapUnits units, MapOptions options, double minutes) {
        this.units = units;
        this.labels = options.labels();
        this.g = options.glyphs();
        this.minutes = minutes;
        for (MapUnits.UnitLink l : units.links) {
            outgoing.merge(member(l.fromUnit(), l.fromMember()), l.edge().stats().total(), Long::sum);
        }
    }

    /** "12ms  4.4/min", or "no requests". */
    String statsLine(Stats s) {
        if (s.total() == 0) {
            return "no requests";
        }
        return Formats.millis(s.averageMillis()) + "  " + Formats.rate(s.total(), minutes);
    }

    /** The line between a proxy and its app: the app's type tag, then the proxy-to-app figure when there is one. */
    String separator(int unit) {
        ServiceEdge e = units.pairEdge.get(unit);
        String tag = TypeTags.of(units.units.get(unit).members().get(1).type());
        if (e == null) {
            return tag;
        }
        String value = labels == LabelMode.LATENCY ? Formats.millis(e.stats().averageMillis())
                : Formats.rate(e.stats().total(), minutes);
        return tag + " " + g.pairLink + " " + value;
    }

    /** A link's label: its rate, its average latency, or its share of what its caller sends. */
    String edgeLabel(MapUnits.UnitLink l) {
        return edgeLabel(l, true);
    }

    /**
     * A link's label, the rate without its "/min" when {@code unit} is false: a map too wide for the screen
     * saves those columns in every gap, and its title line says what the numbers are.
     */
    String edgeLabel(MapUnits.UnitLink l, boolean unit) {
        Stats s = l.edge().stats();
        switch (labels) {
            case SHARE:
                long out = outgoing.getOrDefault(member(l.fromUnit(), l.fromMember()), 0L);
                return out == 0 ? "-" : Formats.percent((double) s.total() / out);
            case LATENCY:
                return Formats.millis(s.averageMillis());
            case RPM:
            default:
                String rate = Formats.rate(s.total(), minutes);
                return unit ? rate : rate.replace("/min", "");
        }
    }

    private static long member(int unit, int member) {
        return ((long) unit << 8) | member;
    }
}
