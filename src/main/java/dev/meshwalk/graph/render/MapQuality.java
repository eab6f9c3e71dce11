package dev.meshwalk.graph.render;

/**
 * Figures that judge a drawn map, for tests and benchmarks.
 *
 * @param width     columns of the drawing (map only, without header and legend)
 * @param height    rows of the drawing (map only)
 * @param crossings places where two edges cross
 * @param bends     corners over all edges
 */
public record MapQuality(int width, int height, long crossings, long bends) {
}
