package dev.meshwalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's scripted path, as separate processes of the packaged jar the way a user types them: {@code deploy 3
 * --yes} (which starts a background local cloud), {@code traffic --count 200}, {@code metrics}, {@code graph},
 * {@code teardown --yes}. Each later process finds the local cloud the first one started through the state directory; the split
 * is near 50/50, the map has both color versions, and teardown verifies nothing is left and stops that cloud.
 */
@Tag("integration")
class SubcommandsAsProcessesIT {

    private static final Path JAR = Path.of("target", "tutorial.jar");
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Pattern SEEN = Pattern.compile("(?m)^\\s+(blue|green)\\s+\\S+\\s+(\\d{1,3})%");
    private static final Pattern STOPPED = Pattern.compile("Stopped the local cloud at \\S+ \\(pid (\\d+)\\)");

    @TempDir
    Path home;

    private Map<String, String> env;

    private record Run(int code, String output) {
    }

    @BeforeEach
    void freshHome() {
        assertThat(JAR).as("the packaged jar (mvn package builds it before the integration tests)").exists();
        env = new TreeMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        env.put("LANG", "C.UTF-8");
    }

    /** Stops a background local cloud a failed run may have left, by the pid in its own state file only. */
    @AfterEach
    void nothingOfOursKeepsRunning() throws Exception {
        Path state = home.resolve(".local/state/meshwalk/localcloud.json");
        if (Files.exists(state)) {
            run("localcloud", "stop");
            Matcher pid = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)").matcher(Files.readString(state));
            if (pid.find()) {
                ProcessHandle.of(Long.parseLong(pid.group(1))).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(home, "run", ".txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("`" + String.join(" ", args) + "` did not finish within " + LIMIT.toSeconds()
                    + " s; it printed:\n" + Files.readString(out, StandardCharsets.UTF_8));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void deployTrafficGraphAndTeardownInSeparateProcessesShowTheSplitAndLeaveNothing() throws Exception {
        long t0 = System.nanoTime();
        Run deploy = run("deploy", "3", "--yes");
        assertThat(deploy.code()).as(deploy.output()).isZero();
        assertThat(deploy.output()).contains("CREATE_COMPLETE").contains("FrontEndpoint = http://");

        Run traffic = run("traffic", "--count", "200", "--interval", "0.05");
        assertThat(traffic.code()).as(traffic.output()).isZero();
        assertThat(traffic.output()).contains("200 requests: 200 answered, 0 failed");
        Map<String, Integer> seen = new TreeMap<>();
        Matcher m = SEEN.matcher(traffic.output().substring(traffic.output().indexOf("Colors we saw:")));
        while (m.find()) {
            seen.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertThat(seen).as(traffic.output()).containsOnlyKeys("blue", "green");
        seen.forEach((color, share) -> assertThat(share).as(color + " share in\n" + traffic.output()).isBetween(35, 65));

        Run metrics = run("metrics");
        assertThat(metrics.code()).as(metrics.output()).isZero();
        assertThat(metrics.output()).contains("Chapter 3-routing, last 4 min, a point per 10 s").containsPattern("RequestCount .* last [1-9]")
                .containsPattern("TargetResponseTime .* ms").contains("Envoy front-node");

        Run graph = run("graph");
        assertThat(graph.code()).as(graph.output()).isZero();
        assertThat(graph.output()).contains("front-node").contains("color-node").contains("color-v2-node");

        Run teardown = run("teardown", "--yes");
        assertThat(teardown.code()).as(teardown.output()).isZero();
        assertThat(teardown.output()).contains("DELETE_COMPLETE").contains("Verified: nothing");
        Matcher stopped = STOPPED.matcher(teardown.output());
        assertThat(stopped.find()).as("teardown stops the local cloud deploy started:\n" + teardown.output()).isTrue();
        long pid = Long.parseLong(stopped.group(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the background local cloud process").isEmpty();
        assertThat(home.resolve(".local/state/meshwalk/localcloud.json")).doesNotExist();
        System.out.println("SubcommandsAsProcessesIT took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
