package dev.meshwalk.graph.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden text files under src/test/resources/graph-golden. They change only when a run asks for it
 * with {@code -Dgolden.update=true}; then read the diff before committing.
 */
final class Golden {

    private static final Path DIR = Path.of("src", "test", "resources", "graph-golden");

    private Golden() {
    }

    static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name + ".txt");
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("no golden file " + file + "; create it with -Dgolden.update=true and review it");
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(actual).as("drawing %s (update with -Dgolden.update=true if the change is intended)", name)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
