package dev.meshwalk.apps.front;

import java.io.IOException;

/**
 * How front reaches color. Two ways, chosen once at start from the environment:
 * through the mesh proxy ({@link ViaMeshProxy}) or straight to an address found in DNS ({@link ViaDns}).
 */
interface ColorRoute {
    /** The target for the next call; DNS-based routes may pick a different instance each time. */
    ColorTarget next() throws IOException;

    /** Describes the route for the start-up log line. */
    String describe();
}
