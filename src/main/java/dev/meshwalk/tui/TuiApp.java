package dev.meshwalk.tui;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;

import dev.meshwalk.content.Chapter;
import dev.meshwalk.content.MarkdownRenderer;
import dev.meshwalk.content.RenderOptions;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.State;

/**
 * Runs the full-screen tutorial on the process's terminal and guarantees the terminal is given back: on quit, on
 * Ctrl-C (trapped and turned into a quit key), on an exception in the loop, and on SIGTERM (shutdown hook).
 */
public final class TuiApp {

    private TuiApp() {
    }

    /** Runs the full screen until the learner quits; returns the state it ended in. */
    public static State run(State initial, List<Effect> startEffects, EffectRunner effects, BlockingQueue<Msg> inbox,
                            boolean color) throws IOException, InterruptedException {
        Charset charset = initial.unicode() ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
        Terminal terminal = new DefaultTerminalFactory(System.out, System.in, charset)
                .setForceTextTerminal(true)
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                .createTerminal();
        Screen screen = new TerminalScreen(terminal);
        Thread restoreOnKill = new Thread(() -> stopQuietly(screen), "tui-restore-terminal");
        screen.startScreen();
        Runtime.getRuntime().addShutdownHook(restoreOnKill);
        try {
            TuiLoop loop = new TuiLoop(screen, initial, effects, inbox, color);
            loop.start(startEffects);
            warmUpMarkdown(initial);
            loop.run();
            return loop.state();
        } finally {
            stopQuietly(screen);
            try {
                Runtime.getRuntime().removeShutdownHook(restoreOnKill);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run; the screen is stopped either way
            }
        }
    }

    /**
     * Renders every lesson once on a short-lived background thread after the first frame, so the class loading
     * and JIT cost of the Markdown parser is paid while the learner reads the list, not when they press enter.
     * The results are thrown away; the core lays lessons out itself.
     */
    private static void warmUpMarkdown(State initial) {
        Thread t = new Thread(() -> {
            for (Chapter c : initial.chapters()) {
                MarkdownRenderer.render(c.markdown(), RenderOptions.of(76, initial.unicode()));
            }
        }, "markdown-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static synchronized void stopQuietly(Screen screen) {
        try {
            screen.stopScreen();
        } catch (IOException | RuntimeException e) {
            // nothing more can be done for the terminal; the process is ending
        }
    }
}
