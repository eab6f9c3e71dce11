package dev.meshwalk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden text files under src/test/resources: a drawing must equal its file. They change only when a run asks for
 * it with {@code -Dgolden.update=true}; then read the diff before committing.
 */
public final class Golden {

    private Golden() {
    }

    /** {@code actual} equals {@code dir/name.txt} (or, with the switch, becomes it). */
    public static void assertMatches(Path dir, String name, String actual) {
        Path file = dir.resolve(name + ".txt");
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(dir);
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
