package dev.meshwalk.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Where lesson files come from: the jar's {@code lessons/} folder in the product, a fixture folder in tests. */
@FunctionalInterface
public interface LessonSource {

    /** The text of the named file, or empty when there is no such file. */
    Optional<String> read(String name) throws IOException;

    /** Lessons packaged on the classpath under {@code folder} (e.g. {@code "lessons"}). */
    static LessonSource classpath(String folder) {
        return name -> {
            String path = folder + "/" + name;
            try (InputStream in = LessonSource.class.getClassLoader().getResourceAsStream(path)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        };
    }
}
