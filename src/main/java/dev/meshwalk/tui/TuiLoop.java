package dev.meshwalk.tui;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;

import dev.meshwalk.content.Glyphs;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.Next;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Update;

/**
 * The UI thread's loop: the only code that touches the screen. Each step takes keys and resizes from the
 * terminal and Msgs that other threads posted to the inbox, applies them through {@link Update}, hands effects to
 * the runner and redraws when the state changed.
 *
 * <p>Keys are polled here rather than on a reader thread: Lanterna's terminal is not meant to be read and written
 * from two threads, and a thread blocked on stdin could never be stopped cleanly.
 */
public final class TuiLoop {

    private static final long IDLE_WAIT_MILLIS = 20;

    private final Screen screen;
    private final EffectRunner effects;
    private final BlockingQueue<Msg> inbox;
    private final Theme theme;
    private State state;
    private boolean quit;
    private boolean dirty = true;
    private boolean fullRedraw = true;

    public TuiLoop(Screen screen, State initial, EffectRunner effects, BlockingQueue<Msg> inbox, boolean color) {
        this.screen = screen;
        this.state = initial;
        this.effects = effects;
        this.inbox = inbox;
        this.theme = new Theme(color);
    }

    public State state() {
        return state;
    }

    public boolean quitting() {
        return quit;
    }

    /** Sends the start size and runs the start effects (e.g. loading progress) after the first frame is drawn. */
    public void start(List<Effect> startEffects) throws IOException {
        TerminalSize size = screen.getTerminalSize();
        dispatch(new Msg.Resized(new Size(size.getColumns(), size.getRows())));
        draw();
        for (Effect e : startEffects) {
            handle(e);
        }
    }

    /** Runs until a Quit effect. */
    public void run() throws IOException, InterruptedException {
        while (step(IDLE_WAIT_MILLIS)) {
            // each step waits at most IDLE_WAIT_MILLIS for work
        }
    }

    /** One round of input, messages and drawing; returns false once the tutorial should end. */
    public boolean step(long waitMillis) throws IOException, InterruptedException {
        TerminalSize resized = screen.doResizeIfNecessary();
        if (resized != null) {
            fullRedraw = true;
            dispatch(new Msg.Resized(new Size(resized.getColumns(), resized.getRows())));
        }
        boolean gotKey = false;
        for (KeyStroke k = screen.pollInput(); k != null && !quit; k = screen.pollInput()) {
            gotKey = true;
            dispatch(new Msg.KeyPressed(KeyMapper.map(k)));
        }
        Msg msg = gotKey || dirty ? inbox.poll() : inbox.poll(waitMillis, TimeUnit.MILLISECONDS);
        while (msg != null && !quit) {
            dispatch(msg);
            msg = inbox.poll();
        }
        if (quit) {
            return false;
        }
        if (dirty) {
            draw();
        }
        return true;
    }

    private void dispatch(Msg msg) {
        Next next = Update.apply(state, msg);
        if (next.state() != state) {
            dirty = true;
        }
        state = next.state();
        for (Effect e : next.effects()) {
            handle(e);
        }
    }

    private void handle(Effect e) {
        if (e instanceof Effect.Quit) {
            quit = true;
        } else {
            effects.run(e);
        }
    }

    private void draw() throws IOException {
        TerminalSize size = screen.getTerminalSize();
        screen.clear();
        Canvas canvas = new Canvas(screen.newTextGraphics(), theme, Glyphs.of(state.unicode()),
                size.getColumns(), size.getRows());
        ScreenPainter.paint(state, canvas);
        screen.setCursorPosition(null);
        screen.refresh(fullRedraw ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        fullRedraw = false;
        dirty = false;
    }
}
