package dev.meshwalk.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lessons in {@code lessons/} are the tutorial's text: each names its chapter and stack in front matter,
 * fits an 80-column terminal, and says what it must (the App Mesh shutdown and its replacement in the mesh
 * chapters, a closing check in all).
 */
class LessonFilesTest {
    private static final Path LESSONS = Path.of("lessons");
    private static final List<String> CHAPTERS = List.of("0-prelude", "1-servicediscovery", "2-meshify", "3-routing",
            "4-serviceconnect", "5-canary");
    /** An 80-column terminal minus the lesson view's margins and scroll bar. */
    private static final int MAX_PREFORMATTED_WIDTH = 76;

    static Stream<String> chapters() {
        return CHAPTERS.stream();
    }

    private static String read(String chapter) throws IOException {
        return Files.readString(LESSONS.resolve(chapter + ".md"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({"0-prelude, Prelude", "1-servicediscovery, Service discovery", "2-meshify, Meshify",
            "3-routing, Routing", "4-serviceconnect, Service Connect", "5-canary, Canary"})
    void frontMatterNamesTheChapterTitleAndAStackThatExists(String chapter, String title) throws IOException {
        assertThat(read(chapter)).startsWith("---\nid: " + chapter + "\ntitle: " + title
                + "\nstack: stacks/" + chapter + ".yaml\n---\n");
        assertThat(Path.of("stacks", chapter + ".yaml")).exists();
    }

    @Test
    void theIndexListsTheChaptersInOrder() throws IOException {
        assertThat(Files.readAllLines(LESSONS.resolve("index.txt")))
                .containsExactly("0-prelude.md", "1-servicediscovery.md", "2-meshify.md", "3-routing.md",
                        "4-serviceconnect.md", "5-canary.md");
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void tablesAndCodeBlocksFitAnEightyColumnTerminal(String chapter) throws IOException {
        boolean inCode = false;
        for (String line : read(chapter).split("\n")) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            if (inCode || line.startsWith("|")) {
                assertThat(line.length()).as(chapter + ": " + line).isLessThanOrEqualTo(MAX_PREFORMATTED_WIDTH);
            }
        }
        assertThat(inCode).as(chapter + " closes every code block").isFalse();
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void everyChapterExplainsWatchesTriesAndEndsWithACheck(String chapter) throws IOException {
        String text = read(chapter);
        assertThat(text).contains("## What the stack creates", "## The service map", "## Try this", "## Check");
        assertThat(text.substring(text.lastIndexOf("\n## "))).startsWith("\n## Check");
        assertThat(text.toLowerCase(Locale.ROOT)).contains("compressed");
    }

    @Test
    void thePreludeExplainsTheTelemetryChoice() throws IOException {
        assertThat(read("0-prelude")).contains("CloudWatch", "OpenTelemetry", "OTLP", "maintenance mode");
    }

    @ParameterizedTest
    @CsvSource({"2-meshify", "3-routing"})
    void meshChaptersSayHonestlyThatAppMeshIsGoneAndWhatReplacesIt(String chapter) throws IOException {
        assertThat(read(chapter)).contains("30 September 2026", "local cloud", "ECS Service Connect");
    }

    @Test
    void meshifyTeachesEnvoyVirtualNodesAndVirtualServices() throws IOException {
        assertThat(read("2-meshify")).contains("Envoy", "virtual node", "virtual service", "AWS::AppMesh::Proxy");
    }

    @Test
    void routingTeachesWeightedTargets() throws IOException {
        assertThat(read("3-routing")).contains("weighted targets", "ColorWeight", "ColorV2Weight", "color-v2");
    }

    @Test
    void serviceConnectMapsAppMeshOntoItSaysWhatIsLostAndHowToMigrate() throws IOException {
        String text = read("4-serviceconnect");
        assertThat(text).contains("Service Connect", "client alias", "Cloud Map namespace", "| Virtual node",
                "| Virtual service", "| Virtual router and route", "| Envoy sidecar", "outlier detection",
                "What is lost", "egress filter", "parallel environment", "Press `V`");
    }

    @Test
    void canaryTeachesBakeTimesAlarmRollbackAndHowToWatchIt() throws IOException {
        String text = read("5-canary");
        assertThat(text).contains("CanaryPercent", "CanaryBakeTimeInMinutes", "bake time", "weighted route",
                "BlueErrorPercent", "Rollback: true", "describe-service-deployments", "traffic pane", "Press `V`",
                "90 minutes", "45 s");
    }
}
