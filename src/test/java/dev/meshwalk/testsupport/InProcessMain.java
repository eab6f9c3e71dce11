package dev.meshwalk.testsupport;

import dev.meshwalk.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs the tutorial's command line in this JVM, as a user would type it, and captures what it printed. Why in
 * process: the subcommand tests need the exit code and the text together, seconds per run, and the same classes
 * the rest of the test run uses. Standard output and error are interleaved into one text, as a terminal shows them.
 * It swaps {@link System#out} and {@link System#err} while it runs, so tests using it must not run in parallel.
 */
public final class InProcessMain {

    private InProcessMain() {
    }

    /** Exit code and everything printed (stdout and stderr interleaved as a user sees them). */
    public record Run(int code, String output) {
    }

    /** {@code java -jar tutorial.jar ARGS...}, in process. */
    public static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            int code = Main.run(args);
            return new Run(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
