package dev.meshwalk.graph.render;

import java.util.Map;

/**
 * A drawn service map: the canvas (header, map, legend) and how good the drawing is.
 *
 * @param canvas  everything to show; may be larger than the screen (pan with a {@link Viewport})
 * @param quality size, crossings and bends of the map part
 * @param boxes   where each node was drawn, by reference id: {x, y, width, height} on the canvas
 */
public record RenderedMap(Canvas canvas, MapQuality quality, Map<Integer, int[]> boxes) {
}
