package dev.meshwalk.content;

import java.util.List;

/** One output line of rendered text: spans laid left to right, never wider than the width it was made for. */
public record StyledLine(List<Span> spans) {

    public static final StyledLine EMPTY = new StyledLine(List.of());

    public StyledLine {
        spans = List.copyOf(spans);
    }

    /** The characters of the line without styles, as plain text shows it. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            sb.append(s.text());
        }
        return sb.toString();
    }

    /** Columns this line occupies (one per char: the lessons use no wide characters). */
    public int width() {
        int w = 0;
        for (Span s : spans) {
            w += s.text().length();
        }
        return w;
    }
}
