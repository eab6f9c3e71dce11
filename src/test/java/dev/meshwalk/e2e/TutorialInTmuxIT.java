package dev.meshwalk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's "done when", walked by a newcomer at a 100x30 terminal: the packaged {@code target/tutorial.jar} runs
 * in tmux on a fresh home folder, and keys go in as a person types them: open chapter 0, deploy it, start
 * traffic, see front and color-green on the map, jump to chapter 3, deploy, clear the counts and see blue and
 * green about half each, both color versions on the map, the Envoy metrics, then tear everything down, see it
 * verified, and quit with nothing of ours left running or listening.
 *
 * <p>It matches stable words on the screen ("FrontEndpoint =", "% observed", "Verified: nothing"), not layout,
 * so the panes can be redrawn differently without breaking it. tmux is required in CI ({@code CI=true}: a missing
 * tmux fails the test); elsewhere a missing tmux skips it with the reason.
 */
@Tag("integration")
class TutorialInTmuxIT {

    private static final Path JAR = Path.of("target", "tutorial.jar");
    private static final Duration DEPLOY = Duration.ofSeconds(90);
    private static final Duration SHORT = Duration.ofSeconds(30);
    private static final Pattern ENDPOINT = Pattern.compile("LOCAL (http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern FRONT = Pattern.compile("FrontEndpoint = (http://[0-9.:]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests, (\\d+) ok, (\\d+) failed");
    private static final Pattern ALB_REQUESTS = Pattern.compile("RequestCount[^\\n]*last [1-9]");
    private static final Pattern ALB_LATENCY = Pattern.compile("TargetResponseTime[^\\n]*last [0-9.]+ ms");
    private static final Pattern ENVOY_REQUESTS = Pattern.compile("ingress requests[^\\n]*last [1-9]");
    private static final Pattern SHARE = Pattern.compile("\\b(blue|green)\\b[^\\n%]*?(\\d{1,3})% observed");

    @TempDir
    static Path home;

    private static TmuxTerminal tmux;
    private static long startedAt;
    private static final Map<String, Long> stepMillis = new LinkedHashMap<>();

    /** Per test, not per class, so a skip is reported as a skipped test with its reason, not as no test at all. */
    @BeforeEach
    void tmuxAndTheJarAreThere() {
        TmuxTerminal.requireInCiElseSkip();
        assertThat(JAR).as("the packaged jar (mvn package builds it before the integration tests)").exists();
    }

    @AfterAll
    static void stopOurTmuxServer() {
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void aNewcomerWalksFromChapterZeroToTheSplitAndTearsEverythingDown() throws Exception {
        startedAt = System.nanoTime();
        Map<String, String> env = new TreeMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        tmux = TmuxTerminal.start("meshwalk-e2e", 100, 30, env, List.of(java, "-jar", JAR.toAbsolutePath().toString()));
        long javaPid = tmux.program().pid();

        step("first frame", () -> tmux.waitForText("Chapters", SHORT));
        String cloud = step("embedded local cloud up", () -> tmux.waitForMatch(ENDPOINT, SHORT).group(1));

        step("open chapter 0", () -> {
            tmux.press("0", "Enter");
            tmux.waitForText("Chapter 0/5: Prelude", SHORT);
        });
        String front = step("deploy chapter 0", () -> deploy("CREATE_COMPLETE"));

        step("start traffic", () -> {
            tmux.press("t");
            tmux.waitFor("green answers counted", SHORT, s -> answered(s) >= 3 && s.contains("green"));
        });
        step("map shows front and color-green", () -> {
            tmux.press("m");
            tmux.waitFor("front and color-green on the map", Duration.ofSeconds(60),
                    s -> s.contains("Service map") && s.contains("front") && s.contains("color-green"));
        });
        step("metrics of chapter 0", () -> metrics("the load balancers' requests and response times",
                s -> ALB_REQUESTS.matcher(s).find() && ALB_LATENCY.matcher(s).find()
                        && s.contains("ALB PublicLoadBalancer") && s.contains("ALB ColorLoadBalancer")));

        step("jump to chapter 3 through the chapter list", () -> {
            // One key at a time, each after the screen answered: an Escape followed at once by another key
            // reads as Alt+key to a terminal, and a person does not type that fast either.
            tmux.press("Escape");
            tmux.waitForText("Chapter 0/5: Prelude", SHORT);
            tmux.press("Escape");
            tmux.waitForText("Chapter 0: Prelude", SHORT);
            tmux.press("3");
            tmux.waitForText("Chapter 3: Routing", SHORT);
            tmux.press("Enter");
            tmux.waitForText("Chapter 3/5: Routing", SHORT);
        });
        step("deploy chapter 3", () -> deploy("UPDATE_COMPLETE"));

        step("blue and green about half each", () -> {
            tmux.press("t");
            tmux.waitForText("% observed", SHORT);
            tmux.press("+", "+", "r"); // 8 requests a second, and count afresh from chapter 3's answers
            tmux.waitFor("at least 100 answers after clearing", Duration.ofSeconds(60),
                    s -> s.contains("blue") && answered(s) >= 100 && answered(s) < 1000);
            Map<String, Integer> shares = shares(tmux.screen());
            assertThat(shares).as("observed shares on\n" + tmux.framed(tmux.screen())).containsOnlyKeys("blue", "green");
            shares.forEach((color, percent) -> assertThat(percent).as(color + " share on\n" + tmux.framed(tmux.screen()))
                    .isBetween(35, 65));
        });
        step("map shows both color versions", () -> {
            tmux.press("m");
            tmux.waitFor("front and color-node on the map", Duration.ofSeconds(60),
                    s -> s.contains("front") && s.contains("color-node"));
            // The 5-minute window still holds chapter 0's nodes, so the map can be taller than 30 rows: pan down
            // (j) as a learner would until the second version's box shows.
            for (int row = 0; row < 40 && !tmux.screen().contains("color-v2-node"); row++) {
                tmux.press("j");
            }
            tmux.waitForText("color-v2-node", SHORT);
        });
        step("metrics of chapter 3 with Envoy", () -> metrics("ALB and per-virtual-node Envoy series",
                s -> ALB_REQUESTS.matcher(s).find() && ENVOY_REQUESTS.matcher(s).find() && s.contains("Envoy front-node")
                        && s.contains("Envoy color-node") && s.contains("Envoy color-v2-node")));

        step("teardown verified", () -> {
            tmux.press("x");
            tmux.waitForText("Delete", SHORT);
            tmux.press("y");
            tmux.waitFor("the verification that nothing is left", DEPLOY,
                    s -> s.contains("Verified: nothing"), s -> s.contains("FAILED") ? Optional.of("a teardown failed")
                            : Optional.empty());
        });

        List<ProcessHandle> ours = ProcessHandle.of(javaPid).map(p -> p.descendants().toList()).orElse(List.of());
        step("quit", () -> {
            tmux.press("q");
            // Quitting asks first only while something runs (after the teardown the traffic loop has stopped).
            long deadline = System.nanoTime() + SHORT.toNanos();
            while (!tmux.exited() && System.nanoTime() < deadline) {
                if (tmux.screen().contains("Quit anyway?")) {
                    tmux.press("y");
                    break;
                }
                Thread.sleep(100);
            }
            try {
                assertThat(tmux.waitForExit(SHORT)).as("exit status").isZero();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + stillRunning(javaPid), e);
            }
        });

        assertThat(ProcessHandle.of(javaPid).filter(ProcessHandle::isAlive)).as("the tutorial's JVM").isEmpty();
        assertThat(ours).as("processes the tutorial started").noneMatch(ProcessHandle::isAlive);
        assertThat(listening(cloud)).as("the local cloud's port " + cloud + " after exit").isFalse();
        assertThat(listening(front)).as("the front endpoint " + front + " after exit").isFalse();
        assertThat(Files.exists(home.resolve(".config/meshwalk/progress.json"))).as("progress saved in the fresh home").isTrue();

        long total = (System.nanoTime() - startedAt) / 1_000_000;
        System.out.println("TutorialInTmuxIT took " + total + " ms: " + stepMillis);
    }

    /** Deploys the open chapter: d, the change set question, y, then the final status and the front endpoint. */
    private static String deploy(String complete) {
        tmux.press("d");
        tmux.waitFor("the change set question", DEPLOY, s -> s.contains("Deploy these changes"), TutorialInTmuxIT::failed);
        tmux.press("y");
        Pattern done = Pattern.compile(complete + " in [0-9.]+ s");
        String shown = tmux.waitFor(complete + " and the front endpoint", DEPLOY,
                s -> done.matcher(s).find() && FRONT.matcher(s).find(), TutorialInTmuxIT::failed);
        Matcher m = FRONT.matcher(shown);
        m.find();
        return m.group(1);
    }

    /**
     * Opens the metrics pane and waits for {@code ready}, pressing c again every few seconds as a learner would:
     * the pane shows what CloudWatch has when it is opened, and the newest points arrive every few seconds.
     */
    private static void metrics(String what, java.util.function.Predicate<String> ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            tmux.press("c");
            try {
                tmux.waitFor(what, Duration.ofSeconds(5), ready);
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    private static Optional<String> failed(String screen) {
        return screen.contains("_FAILED") || screen.contains("ROLLBACK")
                ? Optional.of("the deploy failed or rolled back") : Optional.empty();
    }

    /**
     * For a program that did not exit: whether it still runs and, if so, its threads, which say what holds it. A
     * JVM stuck in its shutdown no longer answers jcmd, so this asks for the dump with SIGQUIT, which the JVM
     * prints into the pane.
     */
    private static String stillRunning(long pid) {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return "The tutorial's JVM (pid " + pid + ") is gone; tmux did not report how it ended.";
        }
        StringBuilder states = new StringBuilder();
        ProcessHandle.of(pid).ifPresent(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants())
                .forEach(h -> states.append(procState(h)).append('\n')));
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).start().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            // The JVM prints the dump into the pane; wait (a bounded while) for its "JNI global refs" line, after the threads.
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!tmux.history().contains("JNI global refs") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return "The tutorial's JVM (pid " + pid + ") still runs; its processes:\n" + states
                    + "what its pane printed (threads last):\n" + tmux.history().stripTrailing();
        } catch (IOException | InterruptedException e) {
            return "The tutorial's JVM (pid " + pid + ") still runs; no thread dump: " + e.getMessage();
        }
    }

    /** A process's pid, command, and state line from /proc (R running, S sleeping, T stopped...), for diagnosis. */
    private static String procState(ProcessHandle h) {
        String state = "?";
        try {
            state = Files.readAllLines(Path.of("/proc", Long.toString(h.pid()), "status")).stream()
                    .filter(l -> l.startsWith("State:")).findFirst().orElse("?");
        } catch (IOException | RuntimeException e) {
            // not Linux, or gone meanwhile
        }
        return h.pid() + " " + h.info().commandLine().orElse("?") + "  " + state;
    }

    /** The traffic pane's count of answers, 0 when it is not on screen. */
    private static int answered(String screen) {
        Matcher m = REQUESTS.matcher(screen);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Color -> observed share in percent, read from the traffic pane's bars. */
    private static Map<String, Integer> shares(String screen) {
        Map<String, Integer> shares = new TreeMap<>();
        Matcher m = SHARE.matcher(screen);
        while (m.find()) {
            shares.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return shares;
    }

    private static boolean listening(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private interface VoidStep {
        void run() throws Exception;
    }

    /** Runs one named step, records its time, and names the step in a failure. */
    private static <T> T step(String name, Step<T> body) throws Exception {
        long t0 = System.nanoTime();
        try {
            return body.run();
        } catch (AssertionError e) {
            throw new AssertionError("Step \"" + name + "\" failed: " + e.getMessage(), e);
        } finally {
            stepMillis.put(name, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static void step(String name, VoidStep body) throws Exception {
        step(name, () -> {
            body.run();
            return null;
        });
    }
}
