package dev.meshwalk.localcloud;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwalk.localcloud.dataplane.ecs.Ecs;
import dev.meshwalk.localcloud.dataplane.ecs.EcsMemory;
import dev.meshwalk.localcloud.provider.EcsResources;
import dev.meshwalk.localcloud.engine.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps ECS's own memory ({@link EcsMemory}: task definition revision numbers, services' deployment histories) in
 * {@code ecs.json} beside the stacks. Deployments change on the data plane's threads many times a second while one
 * runs, so instead of a hook in each of those places a thread of its own looks every {@link #PERIOD} and writes the
 * file (whole, to a temporary file, forced to disk, renamed over the old one) only when it differs from the last one
 * written: a local cloud killed with SIGKILL loses at most the last moment. A file that cannot be read is moved
 * aside, never dropped.
 */
final class SavedEcs implements AutoCloseable {

    static final String FILE = "ecs.json";
    private static final int VERSION = 1;
    private static final Duration PERIOD = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(SavedEcs.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;
    private final Ecs ecs;
    private final EcsResources resources;
    private final Thread thread;
    private final StringBuilder notices = new StringBuilder();
    private byte[] written = new byte[0];
    private volatile boolean closed;

    private SavedEcs(Path file, Ecs ecs, EcsResources resources) {
        this.file = file;
        this.ecs = ecs;
        this.resources = resources;
        this.thread = new Thread(this::run, "localcloud-ecs-writer");
        thread.setDaemon(true);
    }

    /**
     * Gives ECS (and the provider that names task definition revisions) back what {@code file} holds, and saves their
     * memory there from now on. Call before the stacks are restored, so a restored service finds its history.
     */
    static SavedEcs open(Path file, Ecs ecs, EcsResources resources) {
        SavedEcs saved = new SavedEcs(file, ecs, resources);
        saved.read().ifPresent(memory -> {
            ecs.remember(memory);
            resources.continueRevisions(memory.revisions());
        });
        saved.thread.start();
        return saved;
    }

    private Optional<EcsMemory> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String problem;
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            int version = tree == null ? -1 : tree.path("version").asInt(-1);
            if (version == VERSION) {
                EcsMemory memory = JSON.treeToValue(tree.path("memory"), EcsMemory.class);
                written = Files.readAllBytes(file);
                return Optional.of(memory);
            }
            problem = "it was written in format " + version + " and this version reads format " + VERSION;
        } catch (IOException | RuntimeException e) {
            problem = "it is damaged (" + e.getClass().getSimpleName() + ")";
        }
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + LocalDateTime.now().format(ASIDE));
        String notice;
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            notice = "The saved ECS history " + file + " could not be read: " + problem + ". It was moved to " + aside
                    + "; services start with no deployment history and revision numbers start again.";
        } catch (IOException e) {
            notice = "The saved ECS history " + file + " could not be read (" + problem + ") nor moved aside; it will"
                    + " be overwritten.";
        }
        LOG.warn(notice);
        notices.append(notice);
        return Optional.empty();
    }

    /** A line for the user when the file had to be set aside. */
    Optional<String> notice() {
        return notices.length() == 0 ? Optional.empty() : Optional.of(notices.toString());
    }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(PERIOD.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            writeIfChanged();
        }
    }

    private synchronized void writeIfChanged() {
        try {
            EcsMemory now = ecs.memory();
            Map<String, Integer> revisions = new TreeMap<>(now.revisions());
            resources.lastRevisions().forEach((family, n) -> revisions.merge(family, n, Math::max));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("version", VERSION);
            out.put("memory", new EcsMemory(revisions, now.deployments()));
            byte[] bytes = JSON.writeValueAsBytes(out);
            if (Arrays.equals(bytes, written)) {
                return;
            }
            write(bytes);
            written = bytes;
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save the ECS history to {}: {}", file, e.toString());
        }
    }

    private void write(byte[] bytes) throws IOException {
        AtomicFile.write(file, bytes);
    }

    /** Writes the last state and stops the thread; before the data plane stops its services. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeIfChanged();
    }
}
