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

import java.io.StringWriter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The learner's saved progress: one small JSON file, {@code {"version":1,"chapters":{"2-meshify":"DEPLOYED"},
 * "parameters":{"3-routing":{"ColorWeight":"90"}}}}: a mark per chapter, and the stack parameters the learner set
 * for each chapter's deploys. A file without {@code "parameters"} (written before they were kept) loads with none.
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
    /** Jackson's streaming layer: a few dozen classes instead of databind's hundreds, for a file this small. */
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * What loading found: the marks, each chapter's parameters, and a message for the status bar when the file had
     * to be set aside.
     */
    public record Loaded(Map<String, String> marks, Map<String, Map<String, String>> parameters, String problem) {
        public Loaded {
            marks = Map.copyOf(marks);
            parameters = Map.copyOf(parameters);
        }

        static Loaded fresh(String problem) {
            return new Loaded(Map.of(), Map.of(), problem);
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
            return Loaded.fresh(null);
        }
        String reason;
        try {
            Loaded loaded = parse(Files.readString(file, StandardCharsets.UTF_8));
            if (loaded != null) {
                return loaded;
            }
            reason = "it has no \"chapters\" object";
        } catch (JsonProcessingException e) {
            reason = "it is not valid JSON";
        } catch (IOException | RuntimeException e) {
            reason = "it cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
        return Loaded.fresh(setAside(reason));
    }

    /**
     * The marks under the top-level "chapters" object and the parameters under "parameters" (none when it is
     * missing), or null when the document has no "chapters" object.
     */
    private static Loaded parse(String text) throws IOException {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, String> marks = null;
            Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("chapters".equals(field) && value == JsonToken.START_OBJECT) {
                    marks = strings(p);
                } else if ("parameters".equals(field) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String id = p.currentName();
                        if (p.nextToken() == JsonToken.START_OBJECT) {
                            parameters.put(id, strings(p));
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected content after the object");
            }
            return marks == null ? null : new Loaded(marks, parameters, null);
        }
    }

    /** The string fields of the object the parser has just entered (others are skipped), up to its end. */
    private static Map<String, String> strings(JsonParser p) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_STRING) {
                out.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        }
        return out;
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

    /** Writes all marks and parameters; on failure the previous file is untouched and the exception says why. */
    public void save(Map<String, String> marks, Map<String, Map<String, String>> parameters) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeNumberField("version", VERSION);
            g.writeObjectFieldStart("chapters");
            for (Map.Entry<String, String> e : new TreeMap<>(marks).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("parameters");
            for (Map.Entry<String, Map<String, String>> chapter : new TreeMap<>(parameters).entrySet()) {
                g.writeObjectFieldStart(chapter.getKey());
                for (Map.Entry<String, String> e : new TreeMap<>(chapter.getValue()).entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            Files.writeString(temp, text + "\n", StandardCharsets.UTF_8);
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
