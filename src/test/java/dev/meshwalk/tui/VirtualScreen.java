package dev.meshwalk.tui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.State;

/**
 * The real UI loop on Lanterna's virtual terminal: the screen tests' one way to start the TUI, press keys as a
 * person would and read back what was drawn, so each test class says only what it checks.
 */
final class VirtualScreen implements AutoCloseable {

    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;
    final TuiLoop loop;

    private VirtualScreen(DefaultVirtualTerminal terminal, TerminalScreen screen, TuiLoop loop) {
        this.terminal = terminal;
        this.screen = screen;
        this.loop = loop;
    }

    /** Starts the loop on a fresh terminal of the state's size and draws its first frame. */
    static VirtualScreen open(State initial, EffectRunner effects, BlockingQueue<Msg> inbox, boolean color)
            throws IOException {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(
                new TerminalSize(initial.size().cols(), initial.size().rows()));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        TuiLoop loop = new TuiLoop(screen, initial, effects, inbox, color);
        loop.start(List.of());
        return new VirtualScreen(terminal, screen, loop);
    }

    /** Types each key (a Character, or a {@link KeyType}) and lets the loop handle it before the next. */
    void keys(Object... keys) throws Exception {
        for (Object k : keys) {
            terminal.addInput(k instanceof Character c ? new KeyStroke(c, false, false) : new KeyStroke((KeyType) k));
            loop.step(0);
        }
    }

    /** Every row as drawn, full width. */
    List<String> rows() {
        return rows(terminal);
    }

    /**
     * The one row that contains {@code text}, without trailing blanks: for checking a whole line where alignment
     * matters (columns, bars), not just that some text is somewhere.
     */
    String rowWith(String text) {
        List<String> found = rows().stream().filter(r -> r.contains(text)).map(String::stripTrailing).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " rows contain '" + text + "':\n" + text());
        }
        return found.get(0);
    }

    /** The screen as text: rows without trailing blanks, each ended by a newline. */
    String text() {
        return text(terminal);
    }

    /** As {@link #text()}, for a test that must read a terminal before its loop has finished starting. */
    static String text(DefaultVirtualTerminal terminal) {
        StringBuilder sb = new StringBuilder();
        rows(terminal).forEach(r -> sb.append(r.stripTrailing()).append('\n'));
        return sb.toString();
    }

    private static List<String> rows(DefaultVirtualTerminal terminal) {
        List<String> rows = new ArrayList<>();
        TerminalSize size = terminal.getTerminalSize();
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < size.getColumns(); c++) {
                line.append(terminal.getCharacter(c, r).getCharacterString());
            }
            rows.add(line.toString());
        }
        return rows;
    }

    @Override
    public void close() throws IOException {
        screen.stopScreen();
    }
}
