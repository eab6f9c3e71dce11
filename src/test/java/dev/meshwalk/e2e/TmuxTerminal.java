package dev.meshwalk.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program running in a detached tmux session of its own, driven the way a person at a terminal drives it: keys
 * go in through {@code send-keys}, the screen comes back through {@code capture-pane}. Every tmux call names a
 * private server ({@code tmux -L <socket>}), so tests never see or stop anyone else's sessions, and
 * {@link #close()} stops only that server.
 *
 * <p>Waiting is polling with a deadline, never a fixed sleep; a wait that runs out fails with what it waited for
 * and the whole screen as it was, because that screen is the first thing anyone debugging it wants to see.
 */
final class TmuxTerminal implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(150);
    /** What the wrapper shell prints when the program ends, followed by its exit status and "]". */
    static final String EXITED = "[program exited with status ";
    private static final Pattern EXIT_LINE = Pattern.compile(Pattern.quote(EXITED) + "(\\d+)\\]");
    private static final Duration TMUX_CALL_TIMEOUT = Duration.ofSeconds(10);

    private final String socket;
    private final String session = "e2e";
    private final int cols;
    private final int rows;
    private Path socketPath;
    private boolean closed;

    private TmuxTerminal(String socket, int cols, int rows) {
        this.socket = socket;
        this.cols = cols;
        this.rows = rows;
    }

    /**
     * The gate of every tmux test: without tmux it fails in CI (where .ci/run installs it) and is skipped elsewhere.
     */
    static void requireInCiElseSkip() {
        unavailable().ifPresent(missing -> {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("The tmux end-to-end test must run in CI, but " + missing + ". .ci/run installs tmux.");
            }
            Assumptions.abort("Skipping the tmux end-to-end test: " + missing);
        });
    }

    /** Empty when tmux can be run here; otherwise why not, in words for a skip or failure message. */
    static Optional<String> unavailable() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.of("`tmux -V` failed: " + out);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("tmux is not installed (" + e.getMessage() + "); install it, e.g. `apt-get install tmux`");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while looking for tmux");
        }
    }

    /**
     * Starts {@code command} in a new {@code cols x rows} session on a private tmux server named after
     * {@code socketPrefix}, the process id and the clock, with {@code environment} added. A small shell runs the
     * program and prints {@link #EXITED} with its exit status when it ends: tmux reports a dead pane's status only
     * once it has reaped the process, and under load it sometimes leaves it a zombie for a long time, so the
     * status is read from the screen instead. The pane stays after the shell ends.
     */
    static TmuxTerminal start(String socketPrefix, int cols, int rows, Map<String, String> environment,
            List<String> command) {
        String socket = socketPrefix + "-" + ProcessHandle.current().pid() + "-" + Long.toString(System.nanoTime(), 36);
        TmuxTerminal t = new TmuxTerminal(socket, cols, rows);
        List<String> args = new ArrayList<>(List.of("new-session", "-d", "-s", t.session,
                "-x", Integer.toString(cols), "-y", Integer.toString(rows), "env"));
        environment.forEach((k, v) -> args.add(k + "=" + v));
        args.addAll(List.of("sh", "-c", "\"$@\"; s=$?; echo \"" + EXITED + "$s]\"; exit $s", "sh"));
        args.addAll(command);
        try {
            t.tmux(args);
            t.tmux(List.of("set-option", "-t", t.session, "remain-on-exit", "on"));
            // Without this tmux may shrink or grow the window to a client's size; there is no client, keep ours.
            t.tmux(List.of("set-option", "-t", t.session, "window-size", "manual"));
            t.socketPath = Path.of(t.format("#{socket_path}"));
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
        return t;
    }

    String socket() {
        return socket;
    }

    /** Sends keys as tmux names them: {@code "d"}, {@code "Enter"}, {@code "Escape"}, {@code "C-c"}. */
    void press(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args);
    }

    /** The visible screen as plain text, one line per row. */
    String screen() {
        return tmux(List.of("capture-pane", "-p", "-t", session));
    }

    /** Everything the pane printed, its scrollback included (a thread dump printed after the screen closed, say). */
    String history() {
        return tmux(List.of("capture-pane", "-p", "-J", "-S", "-", "-t", session));
    }

    /** Waits until the screen contains {@code text}; returns that screen. */
    String waitForText(String text, Duration timeout) {
        return waitFor("the text \"" + text + "\"", timeout, s -> s.contains(text));
    }

    /** Waits until {@code pattern} matches the screen; returns the match (groups included). */
    Matcher waitForMatch(Pattern pattern, Duration timeout) {
        String shown = waitFor("a match of /" + pattern + "/", timeout, s -> pattern.matcher(s).find());
        Matcher m = pattern.matcher(shown);
        if (!m.find()) {
            throw new IllegalStateException("pattern matched once and not again on the same text: " + pattern);
        }
        return m;
    }

    /**
     * Waits until {@code ready} holds for the screen and returns that screen. Fails early, with the screen, when
     * {@code failure} finds something on it that means waiting longer cannot help (a failed deploy, say).
     */
    String waitFor(String what, Duration timeout, Predicate<String> ready, Function<String, Optional<String>> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String shown = "";
        while (true) {
            shown = screen();
            if (ready.test(shown)) {
                return shown;
            }
            Optional<String> wrong = failure.apply(shown);
            if (wrong.isPresent()) {
                throw new AssertionError("While waiting for " + what + ": " + wrong.get() + "\n" + framed(shown));
            }
            if (exitStatus().isPresent()) {
                throw new AssertionError("While waiting for " + what + " the program ended with status "
                        + exitStatus().get() + "\n" + framed(shown));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what + " and it did not come.\n"
                        + framed(shown));
            }
            sleep(POLL);
        }
    }

    String waitFor(String what, Duration timeout, Predicate<String> ready) {
        return waitFor(what, timeout, ready, s -> Optional.empty());
    }

    /** Waits until the program has exited; returns its exit status. */
    int waitForExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Integer> status = exitStatus();
            if (status.isPresent()) {
                return status.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + timeout.toSeconds() + " s for the program to exit.\n"
                        + framed(screen()));
            }
            sleep(POLL);
        }
    }

    /**
     * The program's process (the wrapper shell's child), waiting briefly for the shell to start it.
     */
    ProcessHandle program() {
        long shell = Long.parseLong(format("#{pane_pid}"));
        long deadline = System.nanoTime() + TMUX_CALL_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> child = ProcessHandle.of(shell).flatMap(p -> p.children().findFirst());
            if (child.isPresent()) {
                return child.get();
            }
            sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("The program did not start within " + TMUX_CALL_TIMEOUT.toSeconds() + " s.\n"
                + framed(screen()));
    }

    /** Whether the program has ended (the wrapper shell printed its status). */
    boolean exited() {
        return exitStatus().isPresent();
    }

    /**
     * The program's exit status, once known: from the wrapper shell's line (anywhere in the pane's history; the
     * terminal restore may move it off screen), or from tmux once it has reaped the shell, which exits with the
     * program's status.
     */
    Optional<Integer> exitStatus() {
        Matcher m = EXIT_LINE.matcher(history());
        if (m.find()) {
            return Optional.of(Integer.parseInt(m.group(1)));
        }
        if ("1".equals(format("#{pane_dead}"))) {
            String status = format("#{pane_dead_status}");
            if (!status.isEmpty()) {
                return Optional.of(Integer.parseInt(status));
            }
        }
        return Optional.empty();
    }

    /** A screen between rulers, with its size, for failure messages. */
    String framed(String shown) {
        String rule = "-".repeat(Math.min(cols, 100));
        return "screen (" + cols + "x" + rows + ", tmux -L " + socket + "):\n" + rule + "\n" + shown.stripTrailing()
                + "\n" + rule;
    }

    /** Stops this terminal's own tmux server (and with it the program, if it still runs). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            tmux(List.of("kill-server"));
        } catch (RuntimeException alreadyGone) {
            // The server ends by itself once its last session is gone; nothing is left to stop then.
        }
        if (socketPath != null) {
            try {
                Files.deleteIfExists(socketPath); // tmux leaves the socket file behind after kill-server
            } catch (IOException e) {
                // a stale socket file is harmless; the next test uses a new name
            }
        }
    }

    private String format(String expression) {
        return tmux(List.of("display-message", "-p", "-t", session, expression)).strip();
    }

    /** Runs one tmux command against this terminal's private server; fails with tmux's own words. */
    private String tmux(List<String> args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TMUX_CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("tmux did not answer within " + TMUX_CALL_TIMEOUT.toSeconds() + " s: "
                        + String.join(" ", command));
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("`" + String.join(" ", command) + "` failed (" + p.exitValue() + "): "
                        + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("could not run tmux: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running tmux", e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the screen", e);
        }
    }
}
