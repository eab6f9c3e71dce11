package dev.meshwalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class GraphCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, boolean terminal, String... args) {
        GraphCommand command = new GraphCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, terminal);
        return new CommandLine(command).execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name + ".json");
        try (InputStream in = getClass().getResourceAsStream("/graph-fixtures/" + name + ".json")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void drawsASavedAnswerAsPlainTextWhenStdoutIsNotATerminal() throws IOException {
        int code = run(Map.of(), false, "--from-file", fixture("xray-graph-c").toString(), "--ascii",
                "--labels", "share");
        assertThat(code).isZero();
        assertThat(stdout()).contains("front-node", "color-v2-node", "51%", "49%").doesNotContain("\u001b[");
        assertThat(stdout().chars().allMatch(c -> c < 128)).isTrue();
        assertThat(stderr()).isEmpty();
    }

    @Test
    void paintsColoursOnATerminalUnlessNoColorIsSet() throws IOException {
        Path file = fixture("xray-graph-b");
        assertThat(run(Map.of(), true, "--from-file", file.toString())).isZero();
        assertThat(stdout()).contains("\u001b[");
        out.reset();
        assertThat(run(Map.of("NO_COLOR", "1"), true, "--from-file", file.toString())).isZero();
        assertThat(stdout()).doesNotContain("\u001b[").contains("█");
    }

    @Test
    void theTableAndTheWidthOptionWork() throws IOException {
        assertThat(run(Map.of("COLUMNS", "120"), false, "--from-file", fixture("xray-graph-c").toString(), "--table"))
                .isZero();
        assertThat(stdout()).contains("NAME", "SUCCESS", "color-v2-node");
    }

    @Test
    void withoutAFileAndWithoutARunningLocalCloudItSaysWhatToDoAndFails(@org.junit.jupiter.api.io.TempDir Path state) {
        assertThat(run(Map.of("XDG_STATE_HOME", state.toString(), "HOME", state.toString()), false)).isEqualTo(1);
        assertThat(stderr()).contains("No local cloud is running").contains("deploy 0").contains("--from-file");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aMissingFileOrABrokenAnswerFailsWithAMessageAndNoStackTrace() throws IOException {
        assertThat(run(Map.of(), false, "--from-file", dir.resolve("nope.json").toString())).isEqualTo(1);
        assertThat(stderr()).contains("No such file").doesNotContain("Exception").doesNotContain("\tat ");
        err.reset();
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"Services\": [{\"ReferenceId\": \"x\"}]}");
        assertThat(run(Map.of(), false, "--from-file", broken.toString())).isEqualTo(1);
        assertThat(stderr()).contains("Services[0].ReferenceId: expected a whole number").doesNotContain("\tat ");
    }

    @Test
    void aFolderInsteadOfAFileSaysSoWithoutAStackTrace() {
        assertThat(run(Map.of(), false, "--from-file", dir.toString())).isEqualTo(1);
        assertThat(stderr()).isEqualTo(dir + " is a folder. Give the file the answer was saved in, for example "
                + "--from-file answer.json." + System.lineSeparator());
    }

    @Test
    void theTutorialListsGraphAsASubcommand() {
        assertThat(TutorialCommand.commandLine().getSubcommands()).containsKey("graph");
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        assertThat(run(Map.of(), false, "--from-file", fixture("xray-graph-a").toString(), "--labels", "colour"))
                .isEqualTo(2);
        assertThat(stderr()).contains("Unknown --labels 'colour'");
        assertThat(run(Map.of(), false, "--from-file", "x.json", "--width", "3")).isEqualTo(2);
    }
    @Test
    void anotherXRayAnswerATruncatedFileAndAnEmptyGraphEachFailWithTheirOwnMessage() throws IOException {
        Path summaries = dir.resolve("summaries.json");
        Files.writeString(summaries, "{\"TraceSummaries\": [], \"ApproximateTime\": 1732550700.0, "
                + "\"TracesProcessedCount\": 0}");
        assertThat(run(Map.of(), false, "--from-file", summaries.toString())).isEqualTo(1);
        assertThat(stderr()).contains("not the answer of get-service-graph", "TraceSummaries", "aws xray get-service-graph")
                .doesNotContain("\tat ");
        err.reset();
        Path whole = fixture("xray-graph-c");
        String text = Files.readString(whole);
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, text.substring(0, text.length() / 2));
        assertThat(run(Map.of(), false, "--from-file", truncated.toString())).isEqualTo(1);
        assertThat(stderr()).contains("not valid JSON at line").doesNotContain("\tat ");
        err.reset();
        assertThat(run(Map.of(), false, "--from-file", fixture("xray-graph-empty").toString())).isEqualTo(1);
        assertThat(stderr()).contains("has no services", "Send some traffic first");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void focusDrawsTheNodeItsCallersAndCalleesAndCountsWhatIsHidden() throws IOException {
        Path answer = dir.resolve("answer.json");
        Files.writeString(answer, dev.meshwalk.graph.bench.XRayAnswerGenerator.generate(60, 14).answerJson());
        assertThat(run(Map.of(), false, "--from-file", answer.toString(), "--focus", "table-1")).isZero();
        assertThat(stdout()).contains("table-1", "cart-1", "media-2", "report-1", "ship-3")
                .doesNotContain("orders-1")
                .contains("Focus on table-1: 4 callers and 0 callees shown; 55 other nodes and 123 edges hidden.");
        out.reset();
        assertThat(run(Map.of(), false, "--from-file", answer.toString(), "--focus", "orders")).isEqualTo(1);
        assertThat(stderr()).contains("No node is called 'orders'. Did you mean: orders-1, orders-2, orders-3?");
        assertThat(stdout()).isEmpty();
    }
}
