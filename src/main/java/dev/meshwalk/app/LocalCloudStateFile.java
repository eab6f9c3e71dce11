package dev.meshwalk.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where a standalone local cloud announces itself: {@code <state dir>/localcloud.json} with its endpoint and
 * process id, written when {@code localcloud} starts and removed when it stops. {@code localcloud status} and
 * {@code localcloud stop} read it, and so can scripted subcommands that look for a running local cloud.
 */
final class LocalCloudStateFile {

    /** What the file says. */
    record Entry(URI endpoint, long pid, Instant startedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    LocalCloudStateFile(Path stateDirectory) {
        this.file = stateDirectory.resolve("localcloud.json");
    }

    Path path() {
        return file;
    }

    /** Writes the file atomically (temp file + rename), so a reader never sees half of it. */
    void write(Entry entry) throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("endpoint", entry.endpoint().toString());
        json.put("pid", entry.pid());
        json.put("startedAt", entry.startedAt().toString());
        Path temp = Files.createTempFile(file.getParent(), "localcloud", ".tmp");
        try {
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The entry, or empty when there is no file or it cannot be read as one. */
    Optional<Entry> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return Optional.of(new Entry(URI.create(node.path("endpoint").asText()), node.path("pid").asLong(),
                    Instant.parse(node.path("startedAt").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Removes the file if it still names this process (another local cloud may have replaced it). */
    void removeIfOwnedBy(long pid) {
        read().filter(e -> e.pid() == pid).ifPresent(e -> remove());
    }

    void remove() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale file is detected by the next status/stop, which checks the pid
        }
    }
}
