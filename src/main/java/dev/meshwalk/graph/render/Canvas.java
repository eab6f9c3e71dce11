package dev.meshwalk.graph.render;

import java.util.Arrays;

/**
 * A rectangle of cells, each a character and a {@link Style}. Renderers draw on it; front-ends copy it
 * to their screen (the TUI with Lanterna, the subcommand as plain or ANSI text). It knows no terminal.
 * Every character is one column wide (the glyph sets only use such characters).
 */
public final class Canvas {

    private final int width;
    private final int height;
    private final char[] chars;
    private final Style[] styles;

    public Canvas(int width, int height) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("a canvas cannot have a negative size");
        }
        this.width = width;
        this.height = height;
        this.chars = new char[width * height];
        this.styles = new Style[width * height];
        Arrays.fill(chars, ' ');
        Arrays.fill(styles, Style.PLAIN);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean contains(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    public char charAt(int x, int y) {
        return contains(x, y) ? chars[y * width + x] : ' ';
    }

    public Style styleAt(int x, int y) {
        return contains(x, y) ? styles[y * width + x] : Style.PLAIN;
    }

    /** Sets one cell; outside the canvas it does nothing, so drawing code need not clip. */
    public void put(int x, int y, char c, Style style) {
        if (contains(x, y)) {
            chars[y * width + x] = c;
            styles[y * width + x] = style;
        }
    }

    /** Writes text from (x, y) to the right; returns the column after it. */
    public int text(int x, int y, String s, Style style) {
        for (int i = 0; i < s.length(); i++) {
            put(x + i, y, s.charAt(i), style);
        }
        return x + s.length();
    }

    /** Copies another canvas onto this one with its top-left corner at (x, y). */
    public void paste(Canvas other, int x, int y) {
        for (int r = 0; r < other.height; r++) {
            for (int c = 0; c < other.width; c++) {
                put(x + c, y + r, other.charAt(c, r), other.styleAt(c, r));
            }
        }
    }

    /** The part of this canvas a {@link Viewport} shows (cells outside the canvas are blank). */
    public Canvas crop(Viewport view) {
        Canvas out = new Canvas(view.width(), view.height());
        for (int r = 0; r < view.height(); r++) {
            for (int c = 0; c < view.width(); c++) {
                int x = view.x() + c;
                int y = view.y() + r;
                if (contains(x, y)) {
                    out.put(c, r, charAt(x, y), styleAt(x, y));
                }
            }
        }
        return out;
    }

    /** The characters, one line per row, trailing blanks cut, lines ending in '\n'. */
    public String toPlainString() {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int end = width;
            while (end > 0 && chars[y * width + end - 1] == ' ') {
                end--;
            }
            sb.append(chars, y * width, end).append('\n');
        }
        return sb.toString();
    }

    /** Like {@link #toPlainString()}, with ANSI SGR colour codes where the style changes. */
    public String toAnsiString() {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int end = width;
            while (end > 0 && chars[y * width + end - 1] == ' ') {
                end--;
            }
            Style current = Style.PLAIN;
            for (int x = 0; x < end; x++) {
                Style s = styles[y * width + x];
                if (s != current && chars[y * width + x] != ' ') {
                    sb.append("\u001b[0");
                    if (s != Style.PLAIN) {
                        sb.append(';').append(s.sgr());
                    }
                    sb.append('m');
                    current = s;
                }
                sb.append(chars[y * width + x]);
            }
            if (current != Style.PLAIN) {
                sb.append("\u001b[0m");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
