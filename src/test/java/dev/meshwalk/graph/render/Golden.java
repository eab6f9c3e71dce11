package dev.meshwalk.graph.render;

import java.nio.file.Path;

/** The service map's golden drawings, under src/test/resources/graph-golden (see {@link dev.meshwalk.testing.Golden}). */
final class Golden {

    private static final Path DIR = Path.of("src", "test", "resources", "graph-golden");

    private Golden() {
    }

    static void assertMatches(String name, String actual) {
        dev.meshwalk.testing.Golden.assertMatches(DIR, name, actual);
    }
}
