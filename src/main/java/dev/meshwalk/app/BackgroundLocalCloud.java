package dev.meshwalk.app;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.meshwalk.cloud.CloudSetupException;
import dev.meshwalk.localcloud.LocalCloudStorage;

/**
 * The one local cloud of a state directory, shared by every process of the tutorial: scripted subcommands, line
 * mode and the full-screen tutorial all attach to it, so {@code deploy 3}, then {@code traffic} in another
 * terminal, then the TUI all see the same stacks, and so does {@code aws --endpoint-url}.
 *
 * <p>A running {@code localcloud} announces itself in {@code <state dir>/localcloud.json} ({@link LocalCloudStateFile}).
 * If that one is alive and answers, it is used; a file naming a dead process is stale and removed. Otherwise a new
 * one is started detached ({@code setsid java <LocalCloudJvm.OPTIONS> -cp <this jar> dev.meshwalk.app.Main localcloud
 * --port 0}, output to
 * {@code <state dir>/localcloud.log}), under a file lock so two tutorials starting at once end up with one. A
 * marker file records that the tutorial started it, so {@code teardown} stops it again and never stops one the user
 * started by hand. It keeps its stacks in the state directory, so stopping it loses nothing.
 */
final class BackgroundLocalCloud {

    static final String STATE_FILE = "localcloud.json";
    static final String OWNER_FILE = "localcloud-started-by-tutorial";
    static final String LOG_FILE = "localcloud.log";
    static final String LOCK_FILE = "localcloud.lock";
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(15);

    private final Path stateDir;
    private final LocalCloudStateFile stateFile;

    BackgroundLocalCloud(Path stateDir) {
        this.stateDir = stateDir;
        this.stateFile = new LocalCloudStateFile(stateDir);
    }

    static BackgroundLocalCloud forEnvironment(Map<String, String> env) {
        return new BackgroundLocalCloud(UserDirs.from(env).state());
    }

    Path stateDir() {
        return stateDir;
    }

    /** A running local cloud as its state file describes it; {@code build}: {@link LocalCloudRuntime#build}. */
    record Running(URI endpoint, long pid, String build) {
    }

    /**
     * The running local cloud, if the state file names one whose process lives and whose port answers. A file
     * naming a process that has exited is removed (it was left by a local cloud that was killed).
     */
    Optional<Running> find() {
        Optional<LocalCloudStateFile.Entry> entry = stateFile.read();
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        LocalCloudStateFile.Entry e = entry.get();
        if (e.pid() > 0 && !e.processAlive()) {
            stateFile.removeIfOwnedBy(e.pid());
            return Optional.empty();
        }
        return answers(e.endpoint()) ? Optional.of(new Running(e.endpoint(), e.pid(), e.build())) : Optional.empty();
    }

    /** Whether a stopped local cloud left stacks in the state directory that a new one would bring back. */
    boolean hasSavedState() {
        return LocalCloudStorage.hasSavedStacks(stateDir);
    }

    /** Whether the running local cloud was started by the tutorial (so teardown may stop it). */
    boolean startedByTutorial(Running running) {
        Path owner = stateDir.resolve(OWNER_FILE);
        try {
            return Files.isReadable(owner) && Files.readString(owner).trim().equals(Long.toString(running.pid()));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the tutorial started this local cloud from another build than this process's: after a rebuild it
     * runs the old code (and one started before it ran from a copy may read a jar rewritten under it). One the
     * user started by hand is theirs to restart.
     */
    boolean fromAnotherBuild(Running running) {
        return fromAnotherBuild(running, LocalCloudRuntime.currentBuild());
    }

    boolean fromAnotherBuild(Running running, String current) {
        return !LocalCloudRuntime.DEVELOPMENT.equals(current) && !current.equals(running.build())
                && startedByTutorial(running);
    }

    /**
     * The running local cloud, starting one in the background first if none is up, or restarting one that
     * another build of the tutorial started (its stacks are saved and come back).
     */
    synchronized Running ensureRunning(java.util.function.Consumer<String> say) {
        Optional<Running> running = find();
        if (running.isPresent() && !fromAnotherBuild(running.get())) {
            return running.get();
        }
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new CloudSetupException("Could not create " + stateDir + ": " + e.getMessage(),
                    List.of("check that the folder is writable (or set XDG_STATE_HOME)"), e);
        }
        // Another tutorial may be starting one right now: whoever holds the lock starts it, the other finds it.
        try (FileChannel channel = FileChannel.open(stateDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            running = find();
            if (running.isPresent() && fromAnotherBuild(running.get())) {
                say.accept("The local cloud was started by another build of the tutorial; restarting it with this"
                        + " one (its stacks are kept) ...");
                stop(running.get());
                running = Optional.empty();
            }
            if (running.isPresent()) {
                return running.get();
            }
            say.accept("Starting the local cloud in the background (log: " + stateDir.resolve(LOG_FILE) + ") ...");
            return start(say);
        } catch (IOException e) {
            throw new CloudSetupException("Could not lock " + stateDir.resolve(LOCK_FILE) + ": " + e.getMessage(),
                    List.of("check that the folder is writable (or set XDG_STATE_HOME)"), e);
        }
    }

    private Running start(java.util.function.Consumer<String> say) {
        Path log = stateDir.resolve(LOG_FILE);
        Process process;
        try {
            List<String> command = new ArrayList<>();
            sessionLeader().ifPresent(command::add);
            command.add(javaExecutable());
            command.addAll(LocalCloudJvm.OPTIONS);
            // its own copy of the jar, which a rebuild cannot rewrite under it (LocalCloudRuntime)
            command.add("-D" + LocalCloudRuntime.BUILD_PROPERTY + "=" + LocalCloudRuntime.build(classPath()));
            command.add("-cp");
            command.add(LocalCloudRuntime.classPathFor(stateDir, classPath()));
            command.add(Main.class.getName());
            command.add("localcloud");
            command.add("--port");
            command.add("0");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            builder.environment().put("XDG_STATE_HOME", stateDir.getParent().toString());
            LocalCloudJvm.ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
            process = builder.start();
            Files.writeString(stateDir.resolve(OWNER_FILE), Long.toString(process.pid()));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CloudSetupException("Could not start the local cloud: " + e.getMessage(),
                    List.of("run it yourself in another terminal: java -jar target/tutorial.jar localcloud",
                            "then pass --endpoint-url with the address it prints"), e);
        }
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Running> up = find().filter(r -> r.pid() == process.pid() || r.pid() <= 0);
            if (up.isPresent()) {
                stateFile.read().ifPresent(e -> e.notices().forEach(say));
                return up.get();
            }
            if (!process.isAlive()) {
                // another local cloud took the state directory first (one started by hand at that moment): use it
                Optional<Running> other = find();
                if (other.isPresent()) {
                    return other.get();
                }
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
     * Stops the local cloud if the tutorial started it; returns a line saying what happened (empty if there was
     * nothing of ours to stop).
     */
    Optional<String> stopIfOurs() {
        return find().filter(this::startedByTutorial).map(this::stop);
    }

    /**
     * Stops a running local cloud (SIGTERM, then SIGKILL after {@code STOP_LIMIT}); its stacks stay saved in the
     * state directory. Returns a line for the user.
     */
    String stop(Running running) {
        Optional<ProcessHandle> handle = ProcessHandle.of(running.pid());
        handle.ifPresent(ProcessHandle::destroy);
        try {
            handle.ifPresent(h -> {
                try {
                    h.onExit().get(STOP_LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    h.destroyForcibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } finally {
            stateFile.removeIfOwnedBy(running.pid());
            LocalCloudRuntime.remove(stateDir);
            try {
                Files.deleteIfExists(stateDir.resolve(OWNER_FILE));
            } catch (IOException ignored) {
                // The marker only matters while that process lives; a stale one never matches a new pid.
            }
        }
        return "Stopped the local cloud at " + running.endpoint() + " (pid " + running.pid() + ").";
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

    /**
     * {@code setsid}, where there is one: the local cloud then runs in a session of its own, away from the terminal
     * the tutorial runs in. Without it, it shares the tutorial's process group, so closing that terminal (SIGHUP) or
     * Ctrl-C there (SIGINT) stopped it too, although quitting had just left it running. It execs the JVM in place
     * (the child is no process group leader), so the pid stays the one the local cloud writes in its state file.
     */
    private static Optional<String> sessionLeader() {
        for (String dir : List.of("/usr/bin", "/bin")) {
            Path setsid = Path.of(dir, "setsid");
            if (Files.isExecutable(setsid)) {
                return Optional.of(setsid.toString());
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
