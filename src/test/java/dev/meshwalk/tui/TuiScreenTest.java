package dev.meshwalk.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;

import dev.meshwalk.content.ChapterCatalog;
import dev.meshwalk.content.LessonSource;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.Mark;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Target;

/** Drives the real UI loop on Lanterna's virtual terminal and reads what a person would see. */
class TuiScreenTest {

    private static final ChapterCatalog CATALOG = ChapterCatalog.load(LessonSource.classpath("lessons-fixture"));

    private VirtualScreen tui;
    private DefaultVirtualTerminal terminal;
    private final LinkedBlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
    private TuiLoop loop;

    private void open(int cols, int rows, boolean unicode, Target target) throws IOException {
        open(cols, rows, unicode, target, false);
    }

    private void open(int cols, int rows, boolean unicode, Target target, boolean color) throws IOException {
        State initial = State.initial(CATALOG.chapters(), new Size(cols, rows), unicode, target, "/home/u/.local/state/meshwalk/meshwalk.log");
        tui = VirtualScreen.open(initial, EffectRunner.none(), inbox, color);
        terminal = tui.terminal;
        loop = tui.loop;
    }

    @AfterEach
    void close() throws IOException {
        if (tui != null) {
            tui.close();
        }
    }

    private void keys(Object... keys) throws Exception {
        tui.keys(keys);
    }

    private String text() {
        return tui.text();
    }

    private String row(int r) {
        return text().split("\n", -1)[r];
    }

    @Test
    void startScreenListsEveryChapterWithProgressTargetAndKeys() throws Exception {
        open(80, 24, true, Target.local());
        String screenText = text();
        assertThat(screenText).contains("meshwalk").contains("Chapters")
                .contains("0  Prelude").contains("1  Service discovery").contains("2  Meshify").contains("3  Routing")
                .contains("○ not started")
                .contains("LOCAL (embedded local cloud)")
                .contains("enter open").contains("q quit");
        assertThat(tui.rowWith("0  Prelude")).as("the selected row, its mark in the column").isEqualTo("  │ ▶ 0  Prelude           ○ not started                                     │");
        assertThat(tui.rowWith("1  Service discovery")).isEqualTo("  │   1  Service discovery ○ not started                                     │");
        assertThat(row(22)).startsWith(" LOCAL (embedded local cloud)");
        assertThat(screenText).contains("starting: loading saved progress");
    }

    @Test
    void progressMarksAndTheChosenTargetShowOnTheList() throws Exception {
        open(80, 24, false, Target.aws("eu-west-1", "dev"));
        inbox.add(new Msg.ProgressLoaded(java.util.Map.of("2-meshify", Mark.DEPLOYED, "0-prelude", Mark.DONE), null));
        loop.step(0);
        String screenText = text();
        assertThat(tui.rowWith("0  Prelude")).isEqualTo("  | > 0  Prelude           [x] done                                          |");
        assertThat(tui.rowWith("2  Meshify")).isEqualTo("  |   2  Meshify           [d] deployed                                      |");
        assertThat(screenText).contains("AWS eu-west-1 - profile dev")
                .doesNotContain("starting:");
        assertThat(screenText.chars()).as("ASCII mode draws only ASCII").allMatch(c -> c < 128);
    }

    @Test
    void aLongNoticeIsShownWholeOnTheChapterList() throws Exception {
        open(80, 24, true, Target.local());
        String problem = "Saved progress was unreadable (it is not valid JSON); kept it as "
                + "/home/u/.config/meshwalk/progress.json.corrupt-20261125-201530 and started fresh.";
        inbox.add(new Msg.ProgressLoaded(java.util.Map.of(), problem));
        loop.step(0);
        String flat = text().replaceAll("\\s+", " ");
        assertThat(flat).contains(problem);
    }

    @Test
    void numberThenEnterOpensThatLessonWithItsActionStrip() throws Exception {
        open(80, 24, true, Target.endpoint("http://127.0.0.1:4566"));
        keys('2', KeyType.Enter);
        String screenText = text();
        assertThat(screenText).contains("Meshify").contains("Envoy proxy and a virtual node")
                .contains("Chapter 2/3: Meshify")
                .contains("[d] Deploy").contains("[t] Traffic").contains("[m] Service map").contains("[x] Teardown")
                .contains("Press d to start")
                .contains("ENDPOINT http://127.0.0.1:4566");
    }

    @Test
    void lessonScrollsWithKeysAndShowsWhereTheReaderIs() throws Exception {
        open(80, 24, true, Target.local());
        keys('3', KeyType.Enter);
        assertThat(text()).contains("Paragraph line 1 ").contains("0%").doesNotContain("The end of the routing fixture");
        keys('G');
        assertThat(text()).contains("The end of the routing fixture").contains("100%");
        keys('g', 'j', 'j', 'j', 'j', 'j', 'j');
        assertThat(text()).doesNotContain("Paragraph line 1 ");
        keys(KeyType.Escape);
        assertThat(text()).contains("Chapters").contains("◐ read");
    }

    @Test
    void helpOverlayNamesTheKeysAndTheLogFile() throws Exception {
        open(80, 24, true, Target.local());
        keys('?');
        String screenText = text();
        assertThat(screenText).contains("Help").contains("move the selection up")
                .contains("/home/u/.local/state/meshwalk/meshwalk.log");
        keys('x');
        assertThat(text()).doesNotContain("move the selection up").contains("Chapters");
    }

    @Test
    void tooSmallTerminalSaysSoAndRecoversWhenEnlarged() throws Exception {
        open(80, 24, true, Target.local());
        terminal.setTerminalSize(new TerminalSize(60, 20));
        loop.step(0);
        assertThat(text()).contains("Terminal too small").contains("(need 80x24, have 60x20)").doesNotContain("Chapters");
        terminal.setTerminalSize(new TerminalSize(120, 40));
        loop.step(0);
        assertThat(text()).contains("Chapters").doesNotContain("too small");
    }

    @Test
    void resizingAnOpenLessonRewrapsItAndMovesTheActionsToTheSide() throws Exception {
        open(80, 24, true, Target.local());
        keys('3', KeyType.Enter);
        assertThat(row(16)).as("narrow: the action strip is at the bottom").startsWith("┌─ Actions");
        terminal.setTerminalSize(new TerminalSize(200, 60));
        loop.step(0);
        String wide = text();
        assertThat(loop.state().lessonWidth()).isEqualTo(100);
        assertThat(wide).contains("Actions").contains("Paragraph line 1 of a long fixture chapter so that the lesson view has to scroll.");
        String[] rows = wide.split("\n");
        assertThat(rows[1].indexOf("Actions")).as("wide: the action strip is right of the text").isGreaterThan(100);
        assertThat(wide).contains("[d] Deploy").contains("Press d to start");
    }

    @Test
    void quitKeyEndsTheLoopOrAsksFirstWhileSomethingRuns() throws Exception {
        open(80, 24, true, Target.local());
        inbox.add(new Msg.RunningChanged(true));
        inbox.add(new Msg.TrafficStarted("http://127.0.0.2", java.time.Duration.ofMillis(500)));
        loop.step(0);
        keys('q');
        assertThat(loop.quitting()).isFalse();
        assertThat(text()).contains("Still running: the traffic loop.").contains("Quit anyway?");
        terminal.addInput(new KeyStroke('y', false, false));
        assertThat(loop.step(0)).isFalse();
        assertThat(loop.quitting()).isTrue();
    }

    @Test
    void ctrlCQuitsAtOnce() throws Exception {
        open(80, 24, true, Target.local());
        inbox.add(new Msg.RunningChanged(true));
        terminal.addInput(new KeyStroke('c', true, false));
        assertThat(loop.step(0)).isFalse();
    }

    private java.util.Set<com.googlecode.lanterna.TextColor> foregroundColors() {
        java.util.Set<com.googlecode.lanterna.TextColor> colors = new java.util.HashSet<>();
        TerminalSize size = terminal.getTerminalSize();
        for (int r = 0; r < size.getRows(); r++) {
            for (int c = 0; c < size.getColumns(); c++) {
                colors.add(terminal.getCharacter(c, r).getForegroundColor());
                colors.add(terminal.getCharacter(c, r).getBackgroundColor());
            }
        }
        return colors;
    }

    @Test
    void withoutColourNothingIsColouredButHeadingsStayBold() throws Exception {
        open(80, 24, true, Target.local(), false);
        keys('2', KeyType.Enter);
        assertThat(foregroundColors()).containsOnly(com.googlecode.lanterna.TextColor.ANSI.DEFAULT);
        assertThat(terminal.getCharacter(2, 1).getModifiers()).contains(com.googlecode.lanterna.SGR.BOLD);
        assertThat(terminal.getCharacter(2, 1).getCharacterString()).isEqualTo("M");
    }

    @Test
    void withColourHeadingsAndBarsAreColoured() throws Exception {
        open(80, 24, true, Target.local(), true);
        keys('2', KeyType.Enter);
        assertThat(foregroundColors()).contains(com.googlecode.lanterna.TextColor.ANSI.CYAN_BRIGHT,
                com.googlecode.lanterna.TextColor.ANSI.BLUE);
    }

    @Test
    void startEffectsRunAfterTheFirstFrame() throws Exception {
        DefaultVirtualTerminal own = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        TerminalScreen screen = new TerminalScreen(own);
        screen.startScreen();
        try {
            StringBuilder seenWhenLoading = new StringBuilder();
            EffectRunner recorder = new EffectRunner() {
                @Override
                public void run(Effect effect) {
                    seenWhenLoading.append(VirtualScreen.text(own));
                }

                @Override
                public void close() {
                }
            };
            new TuiLoop(screen, State.initial(CATALOG.chapters(), new Size(80, 24), true, Target.local(), "log"),
                    recorder, inbox, true).start(List.of(new Effect.LoadProgress()));
            assertThat(seenWhenLoading.toString()).contains("Chapters").contains("Prelude");
        } finally {
            screen.stopScreen();
        }
    }
}
