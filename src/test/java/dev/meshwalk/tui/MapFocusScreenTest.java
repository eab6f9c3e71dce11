package dev.meshwalk.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;

import dev.meshwalk.content.ChapterCatalog;
import dev.meshwalk.content.LessonSource;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Target;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.bench.XRayAnswerGenerator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The map pane's focus on Lanterna's virtual terminal: a map of an account too big for the screen, the node list
 * opened with f, a node focused with enter (its callers and callees only, with the caption saying what is hidden),
 * and esc back to the whole map, then to the lesson.
 */
class MapFocusScreenTest {

    private static final ChapterCatalog CATALOG = ChapterCatalog.load(LessonSource.classpath("lessons-fixture"));

    private VirtualScreen tui;
    private final LinkedBlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
    private final List<Effect> ran = Collections.synchronizedList(new ArrayList<>());

    private void open(int cols, int rows) throws IOException {
        State initial = State.initial(CATALOG.chapters(), new Size(cols, rows), true,
                new Target(Target.Kind.LOCAL, "LOCAL http://127.0.0.1:4566"), "/tmp/log");
        EffectRunner recording = new EffectRunner() {
            @Override
            public void run(Effect effect) {
                ran.add(effect);
            }

            @Override
            public void close() {
            }
        };
        tui = VirtualScreen.open(initial, recording, inbox, true);
    }

    @AfterEach
    void close() throws IOException {
        if (tui != null) {
            tui.close();
        }
    }

    private void showMap(ServiceGraph graph) throws Exception {
        tui.keys('0', KeyType.Enter, 'm');
        inbox.add(new Msg.GraphLoaded(graph));
        tui.loop.step(0);
    }

    private static List<String> serviceNames(ServiceGraph graph) {
        List<String> names = new ArrayList<>();
        for (ServiceNode n : graph.nodes()) {
            if (!n.isClient()) {
                names.add(n.name());
            }
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "160, 50"})
    void fOpensTheNodeListEnterFocusesEscGoesBackToTheWholeMap(int cols, int rows) throws Exception {
        open(cols, rows);
        ServiceGraph graph = XRayAnswerGenerator.generate(30, 14).graph();
        List<String> names = serviceNames(graph);
        showMap(graph);
        assertThat(tui.text()).contains("f focus").doesNotContain("Focus on");

        tui.keys('f');
        assertThat(tui.text()).as("the list, its first row the whole map")
                .contains("Focus the map on which node? (" + names.size() + " nodes")
                .contains("> (whole map)  (shown now)").contains("  " + names.get(0))
                .contains("enter focus  esc close");

        tui.keys('j', 'j');
        String chosen = names.get(1);
        assertThat(tui.text()).contains("> " + chosen);
        tui.keys(KeyType.Enter);
        String focused = tui.text().replaceAll("\\s+", " ");
        assertThat(focused).as("the focused map and what it hides")
                .containsPattern("Focus on " + chosen + ": \\d+ callers? and \\d+ callees? shown; \\d+ other nodes and \\d+ edges hidden")
                .contains(chosen).contains("esc whole map").doesNotContain("Focus the map on which node?");
        String hiddenName = names.stream().filter(n -> !focused.contains(n)).findFirst().orElse(null);
        assertThat(hiddenName).as("some node of the whole map is not in the focused one").isNotNull();

        tui.keys('f');
        assertThat(tui.text()).as("the list opens on the focused node").contains("> " + chosen + "  (shown now)");
        tui.keys(KeyType.Escape);
        assertThat(tui.text()).as("esc closes the list, the focus stays").contains("Focus on " + chosen);

        tui.keys(KeyType.Escape);
        assertThat(tui.text()).as("esc: the whole map again").doesNotContain("Focus on").contains("f focus");
        assertThat(ran).doesNotContain(new Effect.StopGraphRefresh());
        tui.keys(KeyType.Escape);
        assertThat(ran).as("a second esc leaves the pane as before").contains(new Effect.StopGraphRefresh());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24"})
    void theWholeMapRowClearsTheFocus(int cols, int rows) throws Exception {
        open(cols, rows);
        ServiceGraph graph = XRayAnswerGenerator.generate(12, 14).graph();
        showMap(graph);
        tui.keys('f', KeyType.End, KeyType.Enter);
        String last = serviceNames(graph).get(serviceNames(graph).size() - 1);
        assertThat(tui.text()).contains("Focus on " + last);
        tui.keys('f', KeyType.Home, KeyType.Enter);
        assertThat(tui.text()).doesNotContain("Focus on").contains("f focus");
    }
}
