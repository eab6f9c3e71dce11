package dev.meshwalk.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private static List<StyledLine> render(String md, int width) {
        return MarkdownRenderer.render(md, RenderOptions.of(width, true));
    }

    private static Span spanWithText(List<StyledLine> lines, String text) {
        return lines.stream().flatMap(l -> l.spans().stream()).filter(s -> s.text().contains(text)).findFirst().orElseThrow();
    }

    @Test
    void inlineStylesBecomeSpanStyles() {
        List<StyledLine> lines = render("Plain *it* **bold** `code` [docs](https://x.test/d)", 80);
        assertThat(spanWithText(lines, "it").styles()).containsExactly(Style.ITALIC);
        assertThat(spanWithText(lines, "bold").styles()).containsExactly(Style.BOLD);
        assertThat(spanWithText(lines, "code").styles()).containsExactly(Style.CODE);
        assertThat(spanWithText(lines, "docs").styles()).containsExactly(Style.LINK);
        assertThat(lines.get(0).text()).isEqualTo("Plain it bold code docs <https://x.test/d>");
    }

    @Test
    void headingsAreStyledAndUnderlined() {
        List<StyledLine> lines = render("# Title\n\n## Sub", 80);
        assertThat(lines.get(0).spans().get(0).styles()).contains(Style.HEADING, Style.BOLD);
        assertThat(lines.get(1).text()).isEqualTo("═════");
        assertThat(lines.get(3).text()).isEqualTo("Sub");
        assertThat(lines.get(4).text()).isEqualTo("───");
    }

    @Test
    void inlineCodeDoesNotBreakAtItsSpacesWhenItFits() {
        List<StyledLine> fits = render("Run: `aws ecs list-tasks` now and later again", 20);
        assertThat(fits).extracting(StyledLine::text).containsExactly("Run:", "aws ecs list-tasks", "now and later again");
    }

    @Test
    void listItemsWrapUnderTheirTextNotUnderTheMarker() {
        List<StyledLine> lines = render("- one two three four five six seven eight nine ten", 22);
        assertThat(lines.get(0).text()).startsWith("• one");
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l.text()).startsWith("  ").doesNotStartWith("   "));
    }

    @Test
    void noLineIsWiderThanRequestedEvenAtTheMinimumWidth() {
        String md = "> - | a | b | c | d |\n>   |---|---|---|---|\n>   | 1 | 2 | 3 | 4 |\n\n```\n" + "x".repeat(90) + "\n```";
        for (int width = RenderOptions.MIN_WIDTH; width <= 40; width++) {
            int w = width;
            assertThat(render(md, width)).allSatisfy(l -> assertThat(l.width()).isLessThanOrEqualTo(w));
        }
    }

    @Test
    void footnoteModeNumbersLinksAndListsThemAtTheEnd() {
        List<StyledLine> lines = MarkdownRenderer.render("See [a](https://a.test) and [b](https://b.test).",
                new RenderOptions(80, Glyphs.UNICODE, LinkMode.FOOTNOTES));
        assertThat(PlainText.of(lines)).isEqualTo("See a[1] and b[2].\n\nLinks\n[1] https://a.test\n[2] https://b.test\n");
    }
}
