package dev.meshwalk.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the renderer's plain text with golden files in {@code src/test/resources/golden/}, at two widths and
 * in both glyph sets. Run with {@code -Dgolden.update=true} to rewrite them after an intended change, then
 * review the diff like any other code change.
 */
class MarkdownGoldenTest {

    private static final Path GOLDEN_DIR = Path.of("src/test/resources/golden");

    static Stream<Arguments> cases() {
        return Stream.of("lesson-features").flatMap(name -> Stream.of(
                Arguments.of(name, 60, true, LinkMode.INLINE),
                Arguments.of(name, 100, true, LinkMode.INLINE),
                Arguments.of(name, 60, false, LinkMode.INLINE),
                Arguments.of(name, 100, false, LinkMode.INLINE),
                Arguments.of(name, 80, true, LinkMode.FOOTNOTES)));
    }

    @ParameterizedTest(name = "{0} at {1} columns, unicode={2}, links={3}")
    @MethodSource("cases")
    void rendersLikeTheGoldenFile(String name, int width, boolean unicode, LinkMode links) throws IOException {
        String markdown = resource("golden/" + name + ".md");
        List<StyledLine> lines = MarkdownRenderer.render(markdown, new RenderOptions(width, Glyphs.of(unicode), links));
        String actual = PlainText.of(lines);

        assertThat(lines).allSatisfy(line -> assertThat(line.width()).as("line '%s'", line.text()).isLessThanOrEqualTo(width));
        if (!unicode) {
            assertThat(actual.chars()).as("ASCII rendering uses only ASCII").allMatch(c -> c < 128);
        }
        String goldenName = name + "." + width + "." + (unicode ? "unicode" : "ascii")
                + (links == LinkMode.FOOTNOTES ? ".footnotes" : "") + ".txt";
        Path golden = GOLDEN_DIR.resolve(goldenName);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file %s exists (run with -Dgolden.update=true to create it)", golden).exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = MarkdownGoldenTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
