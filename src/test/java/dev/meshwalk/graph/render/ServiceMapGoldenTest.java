package dev.meshwalk.graph.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.graph.Fixtures;
import dev.meshwalk.graph.ServiceGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The map and table of the tutorial's answers, compared with reviewed drawings. */
class ServiceMapGoldenTest {

    /**
     * The chapters' answers as the local cloud gives them: a (chapters 0 and 1), b (2), c (3), d (4, Service
     * Connect), e (5, a canary whose blue revision failed and was rolled back); then the edge cases.
     */
    private static final String[] FIXTURES = {"xray-graph-a", "xray-graph-b", "xray-graph-c", "xray-graph-d",
        "xray-graph-e", "xray-graph-empty", "xray-graph-one-node"};

    static Stream<Arguments> maps() {
        List<Arguments> cases = new ArrayList<>();
        for (String fixture : FIXTURES) {
            for (Glyphs glyphs : Glyphs.values()) {
                for (int width : new int[] {80, 120}) {
                    cases.add(Arguments.of(fixture, glyphs, width, LabelMode.RPM));
                }
            }
        }
        for (LabelMode mode : new LabelMode[] {LabelMode.SHARE, LabelMode.LATENCY}) {
            for (Glyphs glyphs : Glyphs.values()) {
                cases.add(Arguments.of("xray-graph-c", glyphs, 80, mode));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} columns, labels {3}")
    @MethodSource("maps")
    void theMapMatchesItsGoldenDrawing(String fixture, Glyphs glyphs, int width, LabelMode mode) {
        ServiceGraph graph = Fixtures.graph(fixture);
        MapOptions options = MapOptions.defaults().withWidth(width).withGlyphs(glyphs).withLabels(mode);
        Canvas canvas = new ServiceMapRenderer().render(graph, options).canvas();
        String name = String.format(Locale.ROOT, "%s-%s-%d-%s", fixture.replace("xray-graph-", "map-"),
                glyphs.name().toLowerCase(Locale.ROOT), width, mode.name().toLowerCase(Locale.ROOT));
        Golden.assertMatches(name, canvas.toPlainString());
        if (glyphs == Glyphs.ASCII) {
            assertThat(canvas.toPlainString().chars().allMatch(ch -> ch < 128)).as("ASCII map uses only ASCII").isTrue();
        }
    }

    @ParameterizedTest(name = "{0} fits 80x24")
    @MethodSource("tutorialMaps")
    void theTutorialsMapsFitAnEightyByTwentyFourTerminal(String fixture) {
        for (Glyphs glyphs : Glyphs.values()) {
            for (LabelMode mode : LabelMode.values()) {
                Canvas c = new ServiceMapRenderer().render(Fixtures.graph(fixture),
                        MapOptions.defaults().withGlyphs(glyphs).withLabels(mode)).canvas();
                assertThat(c.width()).as("%s %s %s width", fixture, glyphs, mode).isLessThanOrEqualTo(80);
                assertThat(c.height()).as("%s %s %s height", fixture, glyphs, mode).isLessThanOrEqualTo(24);
            }
        }
    }

    static Stream<String> tutorialMaps() {
        return Stream.of("xray-graph-a", "xray-graph-b", "xray-graph-c", "xray-graph-d", "xray-graph-e");
    }

    @ParameterizedTest(name = "table of {0} at {1} columns")
    @MethodSource("tables")
    void theTableMatchesItsGoldenText(String fixture, int width) {
        Canvas canvas = new ServiceTable().render(Fixtures.graph(fixture), MapOptions.defaults().withWidth(width));
        Golden.assertMatches(fixture.replace("xray-graph-", "table-") + "-" + width, canvas.toPlainString());
        assertThat(canvas.width()).isLessThanOrEqualTo(width);
    }

    static Stream<Arguments> tables() {
        List<Arguments> cases = new ArrayList<>();
        for (String fixture : FIXTURES) {
            cases.add(Arguments.of(fixture, 80));
        }
        cases.add(Arguments.of("xray-graph-c", 120));
        return cases.stream();
    }

    @Test
    void theEmptyStateSaysWhatToDo() {
        String text = new ServiceMapRenderer().render(Fixtures.graph("xray-graph-empty"), MapOptions.defaults())
                .canvas().toPlainString().replaceAll("\\s+", " ");
        assertThat(text).contains("No traffic in the last 5 minutes. Start the traffic loop (press t) and wait a few seconds.");
    }

    @Test
    void theWeightedRoutingMapShowsBothVersionsSideBySideWithTheirShares() {
        RenderedMap map = new ServiceMapRenderer().render(Fixtures.graph("xray-graph-c"),
                MapOptions.defaults().withLabels(LabelMode.SHARE));
        String text = map.canvas().toPlainString();
        assertThat(text).contains("color-node", "color-v2-node", "front-node", " 51% ", " 49% ");
        int[] color = map.boxes().get(4);
        int[] colorV2 = map.boxes().get(5);
        assertThat(color[0]).as("siblings share a column").isEqualTo(colorV2[0]);
        assertThat(map.quality().crossings()).isZero();
    }

    @Test
    void ansiOutputPaintsHealthInTheConsoleColours() {
        String ansi = new ServiceMapRenderer().render(Fixtures.graph("xray-graph-c"), MapOptions.defaults())
                .canvas().toAnsiString();
        assertThat(ansi).contains("\u001b[0;32m█").contains("\u001b[0;31m░");
    }
}
