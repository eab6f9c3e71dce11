package dev.meshwalk.localcloud.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * {@code stacks.json} on disk. Written whole to a temporary file in the same folder, flushed to the disk, then
 * renamed over the old one, so a reader (or a local cloud killed mid-write) sees the previous complete file or
 * the new one, never half of one. A file that cannot be read (damaged, or of another {@link SavedState#VERSION})
 * is moved aside to {@code stacks.json.unreadable-<time>} and named in {@link Read#notice()}; it is never dropped.
 */
final class SavedStateFile {

    /** What reading found: the state, if any, and a line for the user when a file had to be set aside. */
    record Read(Optional<SavedState> state, Optional<String> notice) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;

    SavedStateFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    Read read() {
        if (!Files.isRegularFile(file)) {
            return new Read(Optional.empty(), Optional.empty());
        }
        String problem;
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            int version = tree == null ? -1 : tree.path("version").asInt(-1);
            if (version == SavedState.VERSION) {
                return new Read(Optional.of(JSON.treeToValue(tree, SavedState.class)), Optional.empty());
            }
            problem = version < 0 ? "it is not a saved local cloud state"
                    : "it was written in format " + version + " and this version reads format " + SavedState.VERSION;
        } catch (IOException | RuntimeException e) {
            problem = "it is damaged (" + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ")";
        }
        return new Read(Optional.empty(), Optional.of(setAside(problem)));
    }

    /** Moves the file aside and returns the line saying why and where. */
    String setAside(String problem) {
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + LocalDateTime.now().format(ASIDE));
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return "The saved local cloud state " + file + " could not be read: " + problem + ". It was moved to "
                    + aside + " and the local cloud starts with no stacks.";
        } catch (IOException e) {
            return "The saved local cloud state " + file + " could not be read (" + problem + ") nor moved aside ("
                    + e.getMessage() + "); the local cloud starts with no stacks and will overwrite it.";
        }
    }

    void write(SavedState state) throws IOException {
        AtomicFile.write(file, JSON.writeValueAsBytes(state));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
