package dev.meshwalk.content;

import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Turns CommonMark (with GFM tables) into styled lines for a given width. Pure and terminal-free: the TUI
 * paints the lines with attributes, line mode prints their text, goldens compare their text. Blocks are
 * laid out by {@link BlockLayout} (tables by {@link TableLayout}), inline content by {@link InlineSpans},
 * and lines are wrapped by {@link Wrapper}. Without Unicode the source is first folded to ASCII
 * ({@link AsciiFold}).
 *
 * <p>Thread-safe: the parser is immutable and every call keeps its own state.
 */
public final class MarkdownRenderer {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private MarkdownRenderer() {
    }

    public static List<StyledLine> render(String markdown, RenderOptions options) {
        Node document = PARSER.parse(options.glyphs().unicode() ? markdown : AsciiFold.fold(markdown));
        BlockLayout layout = new BlockLayout(options);
        layout.blocks(document, Indent.root(), false);
        layout.footnotes();
        return layout.lines();
    }
}
