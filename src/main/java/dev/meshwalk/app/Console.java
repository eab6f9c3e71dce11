package dev.meshwalk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import dev.meshwalk.cloud.StackStatuses;

/**
 * Line output for the scripted subcommands: Unicode symbols when the terminal's charset can show them, ASCII
 * otherwise ({@code --ascii} semantics via {@code MESHWALK_ASCII=1}), never colors (the lines are meant for logs
 * and pipes as much as for eyes).
 */
final class Console {

    final PrintStream out;
    final PrintStream err;
    final boolean unicode;
    private BufferedReader in;

    Console(PrintStream out, PrintStream err, boolean unicode) {
        this.out = out;
        this.err = err;
        this.unicode = unicode;
    }

    static Console system() {
        return new Console(System.out, System.err, unicodeLikely(System.getenv()));
    }

    /** Unicode unless the locale or the user says otherwise; {@code TERM=dumb} alone does not rule it out. */
    static boolean unicodeLikely(Map<String, String> env) {
        if ("1".equals(env.get("MESHWALK_ASCII"))) {
            return false;
        }
        String locale = firstSet(env, "LC_ALL", "LC_CTYPE", "LANG");
        if (locale != null) {
            String l = locale.toUpperCase(Locale.ROOT);
            return l.contains("UTF-8") || l.contains("UTF8");
        }
        String stdout = System.getProperty("stdout.encoding");
        return Charset.forName(stdout != null ? stdout : Charset.defaultCharset().name()).name().startsWith("UTF");
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** The symbol for a status phase: done, failed, in progress, deleted, rolling back. */
    String symbol(StackStatuses.Phase phase) {
        return switch (phase) {
            case DONE -> unicode ? "✓" : "ok";
            case DELETED -> unicode ? "✗" : "--";
            case FAILED -> unicode ? "✘" : "!!";
            case ROLLING_BACK, ROLLED_BACK -> unicode ? "↺" : "<<";
            case IN_PROGRESS -> unicode ? "⟳" : "..";
            case PENDING -> unicode ? "·" : "  ";
        };
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    /**
     * Asks a yes/no question on the terminal; only an answer starting with y means yes (end of input too means no).
     * One reader for the whole run, so an answer typed ahead for the next question is not lost in a dropped buffer.
     */
    boolean ask(String question) {
        out.print(question + " [y/N] ");
        out.flush();
        try {
            String answer = stdin().readLine();
            return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
        } catch (IOException e) {
            return false;
        }
    }

    private synchronized BufferedReader stdin() {
        if (in == null) {
            in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return in;
    }

    void problem(String text) {
        err.println(text);
        err.flush();
    }
}
