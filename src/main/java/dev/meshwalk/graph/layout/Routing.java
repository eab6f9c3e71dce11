package dev.meshwalk.graph.layout;

import java.util.List;

/**
 * The finished layout: where each box goes, how each link runs, and the figures that judge it.
 *
 * @param boxX      left column of each box of the {@link LayoutGraph}
 * @param boxY      top row of each box
 * @param width     columns used
 * @param height    rows used
 * @param routes    one route per drawn link (self links are not drawn)
 * @param crossings places where one link's line crosses another's
 * @param bends     corners over all links
 */
public record Routing(int[] boxX, int[] boxY, int width, int height, List<LinkRoute> routes, long crossings,
                      long bends) {

    public Routing {
        boxX = boxX.clone();
        boxY = boxY.clone();
        routes = List.copyOf(routes);
    }

    public int boxX(int box) {
        return boxX[box];
    }

    public int boxY(int box) {
        return boxY[box];
    }
}
