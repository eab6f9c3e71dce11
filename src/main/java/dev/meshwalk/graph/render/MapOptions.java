package dev.meshwalk.graph.render;

import java.util.Objects;

/**
 * How to draw a map.
 *
 * @param width     columns available; the map shrinks its boxes to fit and is wider only when it must
 *                  (then the caller pans with a {@link Viewport})
 * @param glyphs    Unicode box drawing or plain ASCII
 * @param labels    what edge labels show
 * @param emptyHint the next step printed when there is no traffic, e.g. "Start the traffic loop (press t)
 *                  and wait a few seconds."
 */
public record MapOptions(int width, Glyphs glyphs, LabelMode labels, String emptyHint) {

    /** The hint the tutorial's screens use. */
    public static final String TUI_EMPTY_HINT = "Start the traffic loop (press t) and wait a few seconds.";

    public MapOptions {
        if (width < 20) {
            throw new IllegalArgumentException("a map needs at least 20 columns, got " + width);
        }
        Objects.requireNonNull(glyphs, "glyphs");
        Objects.requireNonNull(labels, "labels");
        emptyHint = emptyHint == null ? TUI_EMPTY_HINT : emptyHint;
    }

    /** 80 columns, Unicode, requests per minute, the TUI's empty hint. */
    public static MapOptions defaults() {
        return new MapOptions(80, Glyphs.UNICODE, LabelMode.RPM, TUI_EMPTY_HINT);
    }

    public MapOptions withWidth(int w) {
        return new MapOptions(w, glyphs, labels, emptyHint);
    }

    public MapOptions withGlyphs(Glyphs g) {
        return new MapOptions(width, g, labels, emptyHint);
    }

    public MapOptions withLabels(LabelMode l) {
        return new MapOptions(width, glyphs, l, emptyHint);
    }

    public MapOptions withEmptyHint(String hint) {
        return new MapOptions(width, glyphs, labels, hint);
    }
}
