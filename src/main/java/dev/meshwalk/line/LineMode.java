package dev.meshwalk.line;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.AggregateCompleter;
import org.jline.reader.impl.completer.ArgumentCompleter;
import org.jline.reader.impl.completer.NullCompleter;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import dev.meshwalk.core.Effect;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.State;

/**
 * Runs a {@link LineSession} on standard input: with JLine (completion, history) when a person types at a
 * terminal, with a plain reader when commands are piped in. Ends at {@code quit} or at end of input.
 */
public final class LineMode {

    private static final long PROGRESS_WAIT_MILLIS = 2000;
    /** 128 + SIGINT, as a shell reports a command ended by Ctrl-C. */
    private static final int INTERRUPTED_EXIT_CODE = 130;

    private LineMode() {
    }

    /** Piped or scripted input: no prompt, no terminal handling, ends cleanly at EOF. */
    public static void runScripted(State initial, List<Effect> startEffects, EffectRunner effects,
                                   BlockingQueue<Msg> inbox, InputStream in, PrintWriter out, int width,
                                   int openChapter) throws IOException, InterruptedException {
        LineSession session = start(initial, startEffects, effects, inbox, out, width, openChapter);
        Thread hook = explainInterruption(session, out);
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while (!session.quitting() && (line = reader.readLine()) != null) {
                drain(session, inbox);
                session.handle(line);
            }
        } finally {
            removeHook(hook);
        }
        out.flush();
    }

    /**
     * Ctrl-C while a command runs ends the JVM (the terminal only turns it into an exception while a line is being
     * read); a deploy or teardown then goes on in CloudFormation, so a hook says so and how to go on.
     */
    private static Thread explainInterruption(LineSession session, PrintWriter out) {
        Thread hook = new Thread(() -> {
            out.flush();
            // Standard error, not the terminal's writer: JLine's own shutdown hook may have closed that already.
            session.interruptionNote().forEach(System.err::println);
            System.err.flush();
        }, "meshwalk-line-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (Ctrl-C): the hook runs and explains.
        }
    }

    /** A person at a terminal: prompt, tab completion of commands and chapter ids, history across runs. */
    public static void runInteractive(State initial, List<Effect> startEffects, EffectRunner effects,
                                      BlockingQueue<Msg> inbox, Path historyFile, int openChapter)
            throws IOException, InterruptedException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            // Outside readLine JLine leaves Ctrl-C to the operating system, which ends the JVM without its shutdown
            // hooks; exit through Java instead, so they run (the explanation of an interrupted deploy among them).
            terminal.handle(Terminal.Signal.INT, signal -> System.exit(INTERRUPTED_EXIT_CODE));
            PrintWriter out = terminal.writer();
            int width = terminal.getWidth() > 0 ? Math.min(terminal.getWidth(), 100) : 80;
            LineSession session = start(initial, startEffects, effects, inbox, out, width, openChapter);
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("meshwalk")
                    .completer(completer(initial))
                    .variable(LineReader.HISTORY_FILE, historyFile)
                    .build();
            out.println("meshwalk line mode. Type 'help' for the commands, 'chapters' to begin.");
            Thread hook = explainInterruption(session, out);
            try {
                while (!session.quitting()) {
                    String line;
                    try {
                        line = reader.readLine("meshwalk> ");
                    } catch (UserInterruptException e) {
                        break;
                    } catch (EndOfFileException e) {
                        break;
                    }
                    drain(session, inbox);
                    session.handle(line);
                }
            } finally {
                removeHook(hook);
            }
            out.flush();
        }
    }

    private static LineSession start(State initial, List<Effect> startEffects, EffectRunner effects,
                                     BlockingQueue<Msg> inbox, PrintWriter out, int width, int openChapter)
            throws InterruptedException {
        LineSession session = new LineSession(initial, effects, out, width);
        session.attachInbox(inbox);
        for (Effect e : startEffects) {
            effects.run(e);
        }
        if (startEffects.stream().anyMatch(e -> e instanceof Effect.LoadProgress)) {
            // Wait briefly for saved progress so the first 'chapters' shows it (it is one small file).
            Msg first = inbox.poll(PROGRESS_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (first != null) {
                session.receive(first);
            }
        }
        drain(session, inbox);
        if (openChapter >= 0) {
            session.show(openChapter);
        }
        out.flush();
        return session;
    }

    private static void drain(LineSession session, BlockingQueue<Msg> inbox) {
        for (Msg m = inbox.poll(); m != null; m = inbox.poll()) {
            session.receive(m);
        }
    }

    private static AggregateCompleter completer(State state) {
        String[] refs = state.chapters().stream()
                .flatMap(c -> java.util.stream.Stream.of(String.valueOf(c.number()), c.id()))
                .toArray(String[]::new);
        return new AggregateCompleter(
                new ArgumentCompleter(new StringsCompleter("read"), new StringsCompleter(refs), NullCompleter.INSTANCE),
                new ArgumentCompleter(new StringsCompleter(LineSession.COMMANDS), NullCompleter.INSTANCE));
    }
}
