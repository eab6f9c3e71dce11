package dev.meshwalk.content;

/**
 * How to lay Markdown out: the column count to wrap to, the glyph set and the link style.
 *
 * @param width columns available; at least {@link #MIN_WIDTH} so a list item inside a quote still fits a word
 */
public record RenderOptions(int width, Glyphs glyphs, LinkMode linkMode) {

    public static final int MIN_WIDTH = 20;

    public RenderOptions {
        width = Math.max(MIN_WIDTH, width);
    }

    public static RenderOptions of(int width, boolean unicode) {
        return new RenderOptions(width, Glyphs.of(unicode), LinkMode.INLINE);
    }
}
