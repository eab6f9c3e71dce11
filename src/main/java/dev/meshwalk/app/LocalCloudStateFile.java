package dev.meshwalk.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.meshwalk.localcloud.engine.AtomicFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where the local cloud of one state directory announces itself: {@code <state dir>/localcloud.json} with its
 * endpoint, process id, start time and the tutorial version that started it, written when {@code localcloud}
 * is listening and removed when it stops. {@code localcloud status}, {@code localcloud stop} and every front-end
 * that attaches ({@link BackgroundLocalCloud}) read it; a file naming a dead process is stale and removed.
 */
final class LocalCloudStateFile {

    /** What the file says. */
    /**
     * @param keepsState false for one started with {@code --ephemeral}: its stacks are gone when it stops
     * @param build      the build it runs ({@link LocalCloudRuntime#build}); "unknown" in files of older builds
     */
    record Entry(URI endpoint, long pid, Instant startedAt, String version, List<String> notices, boolean keepsState,
            String build) {

        Entry(URI endpoint, long pid, Instant startedAt) {
            this(endpoint, pid, startedAt, currentVersion(), List.of(), true, LocalCloudRuntime.currentBuild());
        }

        boolean processAlive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /** The version written into new files: the jar's, or "development" when run from classes. */
    static String currentVersion() {
        String v = LocalCloudStateFile.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    LocalCloudStateFile(Path stateDirectory) {
        this.file = stateDirectory.resolve("localcloud.json");
    }

    Path path() {
        return file;
    }

    /** Writes the file atomically ({@link AtomicFile}), so a reader never sees half of it. */
    void write(Entry entry) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("endpoint", entry.endpoint().toString());
        json.put("pid", entry.pid());
        json.put("startedAt", entry.startedAt().toString());
        json.put("version", entry.version());
        json.put("notices", entry.notices());
        json.put("keepsState", entry.keepsState());
        json.put("build", entry.build());
        AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
    }

    /** The entry, or empty when there is no file or it cannot be read as one. */
    Optional<Entry> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            String endpoint = node.path("endpoint").asText("");
            if (endpoint.isBlank()) {
                return Optional.empty();
            }
            Instant started = node.hasNonNull("startedAt") ? Instant.parse(node.get("startedAt").asText()) : Instant.EPOCH;
            List<String> notices = new java.util.ArrayList<>();
            node.path("notices").forEach(n -> notices.add(n.asText()));
            return Optional.of(new Entry(URI.create(endpoint), node.path("pid").asLong(-1), started,
                    node.path("version").asText("unknown"), notices, node.path("keepsState").asBoolean(true),
                    node.path("build").asText("unknown")));
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
