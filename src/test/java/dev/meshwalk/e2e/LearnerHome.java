package dev.meshwalk.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A learner's fresh home folder for tests of the one shared local cloud: every run of the packaged jar gets the same
 * {@code HOME} and XDG folders, so it finds the same {@code localcloud.json} (never the real user's), and
 * {@link #stopEverythingStarted()} stops every local cloud this home ever named, by pid, so nothing outlives the test.
 */
final class LearnerHome {

    static final Path JAR = Path.of("target", "tutorial.jar");
    private static final Duration LIMIT = Duration.ofSeconds(150);
    private static final Pattern PID = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)");
    private static final Pattern RUNNING = Pattern.compile("Local cloud: running at (http://127\\.0\\.0\\.1:\\d+), pid (\\d+)");

    /** What one run printed (stdout and stderr together) and how it ended. */
    record Run(int code, String output) {
    }

    /** The shared local cloud as {@code status} shows it. */
    record Cloud(String endpoint, long pid) {
    }

    private final Path home;
    private final Path jar;
    private final List<Long> cloudPids = new ArrayList<>();

    LearnerHome(Path home) {
        this(home, JAR);
    }

    /** A home whose commands run {@code jar} instead of {@code target/tutorial.jar} (a build of its own). */
    LearnerHome(Path home, Path jar) {
        this.home = home;
        this.jar = jar;
    }

    Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        return env;
    }

    Path stateFile() {
        return home.resolve(".local/state/meshwalk/localcloud.json");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java -jar target/tutorial.jar ARGS} with nothing on stdin. */
    Run run(String... args) throws IOException, InterruptedException {
        return runWithInput("", args);
    }

    /** {@code java -jar target/tutorial.jar ARGS} with {@code input} typed on stdin (line mode). */
    Run runWithInput(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path in = Files.createTempFile(home, "in", ".txt");
        Path out = Files.createTempFile(home, "run", ".txt");
        Files.writeString(in, input);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(in.toFile())).redirectOutput(out.toFile());
        pb.environment().putAll(environment());
        Process p = pb.start();
        try {
            if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("`" + String.join(" ", args) + "` did not finish within " + LIMIT.toSeconds()
                        + " s; it printed:\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
            rememberCloud();
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    /** A run still going, started by {@link #start}: its process and the file its output goes to. */
    record Running(Process process, Path output) {

        String printed() throws IOException {
            return Files.readString(output, StandardCharsets.UTF_8);
        }
    }

    /** Starts {@code java -jar target/tutorial.jar ARGS} without waiting; the caller ends it. */
    Running start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "run", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).redirectOutput(out.toFile());
        pb.environment().putAll(environment());
        return new Running(pb.start(), out);
    }

    /** The local cloud {@code status} reports, failing with its output when it reports none. */
    Cloud cloud() throws IOException, InterruptedException {
        Run status = run("status");
        Matcher m = RUNNING.matcher(status.output());
        if (!m.find()) {
            throw new AssertionError("`status` names no running local cloud:\n" + status.output());
        }
        Cloud cloud = new Cloud(m.group(1), Long.parseLong(m.group(2)));
        cloudPids.add(cloud.pid());
        return cloud;
    }

    /** Notes the pid the state file names now, so the cleanup can stop it even if the file is gone by then. */
    void rememberCloud() {
        try {
            if (Files.exists(stateFile())) {
                Matcher pid = PID.matcher(Files.readString(stateFile()));
                if (pid.find()) {
                    cloudPids.add(Long.parseLong(pid.group(1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // written at that moment; the next run or the cleanup reads it again
        }
    }

    /** Stops every local cloud this home named (SIGKILL after `localcloud stop` had its chance). */
    void stopEverythingStarted() throws IOException, InterruptedException {
        rememberCloud();
        if (cloudPids.stream().anyMatch(LearnerHome::alive)) {
            run("localcloud", "stop");
        }
        for (long pid : cloudPids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Waits (bounded) until the process has gone. */
    static boolean gone(long pid, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (alive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return !alive(pid);
    }
}
