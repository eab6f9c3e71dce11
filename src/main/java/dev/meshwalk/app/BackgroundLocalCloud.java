package dev.meshwalk.app;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.meshwalk.cloud.CloudSetupException;

/**
 * The local cloud that scripted subcommands share across processes: {@code deploy 3}, then {@code traffic},
 * then {@code graph} all talk to the same one.
 *
 * <p>A running {@code localcloud} announces itself in {@code <state dir>/localcloud.json} (endpoint and pid).
 * If that one is alive and answers, it is used. Otherwise a new one is started detached
 * ({@code java -cp <this jar> dev.meshwalk.app.Main localcloud --port 0}, output to
 * {@code <state dir>/localcloud.log}); a marker file records that a subcommand started it, so {@code teardown}
 * stops it again and never stops one the user started by hand.
 */
final class BackgroundLocalCloud {

    static final String STATE_FILE = "localcloud.json";
    static final String OWNER_FILE = "localcloud-started-by-tutorial";
    static final String LOG_FILE = "localcloud.log";
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path stateDir;

    BackgroundLocalCloud(Path stateDir) {
        this.stateDir = stateDir;
    }

    static BackgroundLocalCloud forEnvironment(Map<String, String> env) {
        return new BackgroundLocalCloud(UserDirs.from(env).state());
    }

    /** A running local cloud as its state file describes it. */
    record Running(URI endpoint, long pid) {
    }

    /** The running local cloud, if the state file names one whose process lives and whose port answers. */
    Optional<Running> find() {
        Path file = stateDir.resolve(STATE_FILE);
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            JsonNode state = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            String endpoint = text(state, "endpoint", "url").orElse(null);
            long pid = state.path("pid").asLong(-1);
            if (endpoint == null) {
                return Optional.empty();
            }
            URI uri = URI.create(endpoint);
            boolean alive = pid <= 0 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive && answers(uri) ? Optional.of(new Running(uri, pid)) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the running local cloud was started by a subcommand (so teardown may stop it). */
    boolean startedByTutorial(Running running) {
        Path owner = stateDir.resolve(OWNER_FILE);
        try {
            return Files.isReadable(owner) && Files.readString(owner).trim().equals(Long.toString(running.pid()));
        } catch (IOException e) {
            return false;
        }
    }

    /** The running local cloud, starting one in the background first if none is up. */
    Running ensureRunning(java.util.function.Consumer<String> say) {
        Optional<Running> running = find();
        if (running.isPresent()) {
            return running.get();
        }
        say.accept("Starting a local cloud in the background (log: " + stateDir.resolve(LOG_FILE) + ") ...");
        return start();
    }

    private Running start() {
        Path log = stateDir.resolve(LOG_FILE);
        Process process;
        try {
            Files.createDirectories(stateDir);
            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.add("-cp");
            command.add(classPath());
            command.add(Main.class.getName());
            command.add("localcloud");
            command.add("--port");
            command.add("0");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            builder.environment().put("XDG_STATE_HOME", stateDir.getParent().toString());
            process = builder.start();
            Files.writeString(stateDir.resolve(OWNER_FILE), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new CloudSetupException("Could not start the local cloud: " + e.getMessage(),
                    List.of("run it yourself in another terminal: java -jar target/tutorial.jar localcloud",
                            "then pass --endpoint-url with the address it prints"), e);
        }
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Running> up = find().filter(r -> r.pid() == process.pid() || r.pid() <= 0);
            if (up.isPresent()) {
                return up.get();
            }
            if (!process.isAlive()) {
                throw new CloudSetupException("The local cloud stopped right after starting: " + tail(log),
                        List.of("see the log: " + log));
            }
            sleep(Duration.ofMillis(100));
        }
        process.destroy();
        throw new CloudSetupException("The local cloud did not come up within " + START_LIMIT.toSeconds() + " s.",
                List.of("see the log: " + log));
    }

    /**
     * Stops the local cloud if a subcommand started it; returns a line saying what happened (empty if there was
     * nothing of ours to stop).
     */
    Optional<String> stopIfOurs() {
        Optional<Running> running = find();
        if (running.isEmpty() || !startedByTutorial(running.get())) {
            return Optional.empty();
        }
        long pid = running.get().pid();
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        handle.ifPresent(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (handle.map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
        }
        if (handle.map(ProcessHandle::isAlive).orElse(false)) {
            handle.get().destroyForcibly();
        }
        try {
            Files.deleteIfExists(stateDir.resolve(OWNER_FILE));
        } catch (IOException ignored) {
            // The marker only matters while that process lives; a stale one never matches a new pid.
        }
        return Optional.of("Stopped the background local cloud (pid " + pid + ").");
    }

    static boolean answers(URI endpoint) {
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<String> text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String classPath() {
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        List<String> absolute = new ArrayList<>();
        for (String entry : entries) {
            absolute.add(Path.of(entry).toAbsolutePath().normalize().toString());
        }
        return String.join(File.pathSeparator, absolute);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudSetupException("Interrupted while waiting for the local cloud.", List.of());
        }
    }
}
