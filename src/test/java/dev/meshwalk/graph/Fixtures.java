package dev.meshwalk.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The project's own service-graph answers (src/test/resources/graph-fixtures). */
public final class Fixtures {

    private Fixtures() {
    }

    public static ServiceGraph graph(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/graph-fixtures/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new ServiceGraphReader().read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServiceGraphFormatException e) {
            throw new AssertionError("fixture " + name + " should read: " + e.getMessage(), e);
        }
    }
}
