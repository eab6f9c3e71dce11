package dev.meshwalk.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.googlecode.lanterna.input.KeyType;

import dev.meshwalk.content.ChapterCatalog;
import dev.meshwalk.content.LessonSource;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.KeyBindings;
import dev.meshwalk.core.KeyBindings.Binding;
import dev.meshwalk.core.KeyBindings.Section;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Target;

/**
 * The help overlay on the smallest supported terminal (80x24), read off Lanterna's virtual terminal: in each view
 * every key the overlay shows is there with its whole meaning (a meaning cut at the box edge, like the old
 * "teardown p", fails), and the keys of the view the learner is in are always among them.
 */
class HelpOverlayScreenTest {

    private static final ChapterCatalog CATALOG = ChapterCatalog.load(LessonSource.classpath("lessons-fixture"));
    private static final String LOG = "/home/learner/.local/state/meshwalk/meshwalk.log";

    private VirtualScreen tui;

    private void open(int cols, int rows) throws IOException {
        State initial = State.initial(CATALOG.chapters(), new Size(cols, rows), true, Target.local(), LOG);
        tui = VirtualScreen.open(initial, EffectRunner.none(), new LinkedBlockingQueue<Msg>(), false);
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

    private List<String> rows() {
        return tui.rows();
    }

    /** The text inside the help box, rows joined and white space collapsed, so wrapped meanings read whole. */
    private String helpBoxText() {
        List<String> rows = rows();
        int top = -1;
        for (int r = 0; r < rows.size() && top < 0; r++) {
            if (rows.get(r).contains("┌─ Help")) {
                top = r;
            }
        }
        assertThat(top).as("the help box is on screen:\n" + String.join("\n", rows)).isNotNegative();
        int left = rows.get(top).indexOf('┌');
        int right = rows.get(top).lastIndexOf('┐');
        StringBuilder inside = new StringBuilder();
        for (int r = top + 1; r < rows.size() && rows.get(r).charAt(left) != '└'; r++) {
            inside.append(rows.get(r), left + 1, right).append(' ');
        }
        return inside.toString().replaceAll("\\s+", " ");
    }

    private void assertWhole(String box, Section section) {
        for (Binding b : section.bindings()) {
            assertThat(box).as("keys and whole meaning of '" + b.label() + "' in the help box:\n"
                    + String.join("\n", rows())).contains((b.label() + " " + b.meaning()).replaceAll("\\s+", " "));
        }
    }

    /** The sections that apply are shown whole; every other screen's section is whole or named as "press ? there". */
    private void assertHelpFor(State now, String box) {
        KeyBindings.Help help = KeyBindings.help(now);
        assertThat(help.now()).as("the keys of every screen include the ones that work everywhere")
                .contains(KeyBindings.ALL.get(0));
        help.now().forEach(section -> assertWhole(box, section));
        for (Section other : help.others()) {
            if (box.contains(other.title() + " ")) {
                assertWhole(box, other);
            } else {
                assertThat(box).contains("Keys of the").contains(other.title().toLowerCase(java.util.Locale.ROOT))
                        .contains("press ? there.");
            }
        }
    }

    @Test
    void onTheChapterListEveryKeyShownHasItsWholeMeaning() throws Exception {
        open(80, 24);
        keys('?');
        String box = helpBoxText();
        assertHelpFor(tui.loop.state(), box);
        assertThat(box).contains("Chapter list").contains("up/k move the selection up")
                .contains("Logs are written to " + LOG);
    }

    @Test
    void inALessonTheLessonKeysIncludingThePaneKeysAreWhole() throws Exception {
        open(80, 24);
        keys('2', KeyType.Enter, '?');
        String box = helpBoxText();
        assertHelpFor(tui.loop.state(), box);
        assertThat(box).contains("d/t/m/c/x deploy, traffic, map, metrics, teardown pane");
    }

    @Test
    void inAnActionPaneTheHelpShowsThePaneKeysWholeAndSaysWhereTheRestAre() throws Exception {
        open(80, 24);
        keys('3', KeyType.Enter, 'm', '?');
        String box = helpBoxText();
        assertHelpFor(tui.loop.state(), box);
        assertThat(box).contains("Service map pane").contains("w time window: 1, 5 or 15 minutes")
                .contains("Keys of the chapter list and the lesson: press ? there.");
    }

    @Test
    void theFooterKeepsHelpAndQuitInEveryViewAt80Columns() throws Exception {
        open(80, 24);
        assertThat(rows().get(23)).contains("? help  q quit");
        keys('3', KeyType.Enter);
        assertThat(rows().get(23)).contains("? help  q quit");
        for (char pane : new char[] {'d', 't', 'm', 'c', 'x'}) {
            keys(pane);
            assertThat(rows().get(23)).as("footer of pane " + pane).contains("? help  q quit");
        }
    }
}
