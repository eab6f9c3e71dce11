package dev.meshwalk.graph.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines under the map: what the health-bar glyphs mean, what the pair link means (only when the map has
 * a proxy and app pair), and the shortened-names note. Each key glyph is drawn in its own colour.
 */
final class Legend {

    private Legend() {
    }

    static List<String> lines(Glyphs g, MapUnits units, NodeNames names) {
        List<String> lines = new ArrayList<>();
        StringBuilder first = new StringBuilder();
        first.append(g.ok).append(" ok  ").append(g.clientError).append(" 4xx  ").append(g.fault).append(" 5xx  ")
                .append(g.throttle).append(" 429 throttled");
        if (!units.pairEdge.isEmpty() || units.units.stream().anyMatch(MapUnits.Unit::isPair)) {
            first.append("   ").append(g.pairLink).append(" proxy and app of one task");
        }
        lines.add(first.toString());
        lines.addAll(MapCaptions.shortenedNames(names));
        return lines;
    }

    /** Draws one legend line at row y: a key glyph (one that starts a word) in its colour, the rest faint. */
    static void draw(Canvas c, int y, String line, Glyphs g) {
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            Style s = ch == g.ok ? Style.OK : ch == g.clientError ? Style.CLIENT_ERROR : ch == g.fault ? Style.FAULT
                    : ch == g.throttle ? Style.THROTTLE : Style.FAINT;
            if (i > 0 && line.charAt(i - 1) != ' ') {
                s = Style.FAINT;
            }
            c.put(i, y, ch, s);
        }
    }
}
