package dev.meshwalk.progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The learner's saved progress: one small JSON file, {@code {"version":1,"chapters":{"2-meshify":"DEPLOYED"}}}.
 *
 * <p>Marks are plain strings here (this package knows nothing of the core); the caller maps them. Writes go to a
 * temporary file in the same folder and are moved over the old file atomically, so a crash or a full disk never
 * leaves a half-written file and the last good state survives a failed write. A file that cannot be read is moved
 * aside as {@code progress.json.corrupt-<time>} so the learner can look at it, and loading starts fresh.
 */
public final class ProgressStore {

    public static final String FILE_NAME = "progress.json";
    private static final int VERSION = 1;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    /** What loading found: the marks, and a message for the status bar when the file had to be set aside. */
    public record Loaded(Map<String, String> marks, String problem) {
        public Loaded {
            marks = Map.copyOf(marks);
        }
    }

    public ProgressStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /**
     * The default place: {@code $XDG_CONFIG_HOME/meshwalk/progress.json}, else {@code ~/.config/meshwalk/}.
     * Takes the environment and home folder as arguments so tests never touch the real ones.
     */
    public static Path defaultFile(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".config");
        return base.resolve("meshwalk").resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** Never throws: a missing file is a fresh start, an unreadable one is reported and moved aside. */
    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(Map.of(), null);
        }
        String reason;
        try {
            JsonNode root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
            JsonNode chapters = root == null ? null : root.get("chapters");
            if (chapters != null && chapters.isObject()) {
                Map<String, String> marks = new LinkedHashMap<>();
                chapters.fields().forEachRemaining(e -> {
                    if (e.getValue().isTextual()) {
                        marks.put(e.getKey(), e.getValue().asText());
                    }
                });
                return new Loaded(marks, null);
            }
            reason = "it has no \"chapters\" object";
        } catch (JsonProcessingException e) {
            reason = "it is not valid JSON";
        } catch (IOException | RuntimeException e) {
            reason = "it cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
        return new Loaded(Map.of(), setAside(reason));
    }

    private String setAside(String reason) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return "Saved progress was unreadable (" + reason + "); kept it as " + aside + " and started fresh.";
        } catch (IOException | RuntimeException e) {
            return "Saved progress at " + file + " was unreadable (" + reason + ") and could not be moved aside ("
                    + e.getMessage() + "); starting fresh, it will be replaced on the next save.";
        }
    }

    /** Writes all marks; on failure the previous file is untouched and the exception says why. */
    public void save(Map<String, String> marks) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("version", VERSION);
        ObjectNode chapters = root.putObject("chapters");
        new TreeMap<>(marks).forEach(chapters::put);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            Files.writeString(temp, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
