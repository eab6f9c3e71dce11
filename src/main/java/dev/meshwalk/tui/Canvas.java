package dev.meshwalk.tui;

import java.util.List;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.graphics.TextGraphics;

import dev.meshwalk.content.AsciiFold;
import dev.meshwalk.content.Glyphs;
import dev.meshwalk.content.Span;

/** Clipped drawing primitives over Lanterna's TextGraphics: text, styled spans, filled rows and boxes. */
final class Canvas {

    private final TextGraphics g;
    final Theme theme;
    final Glyphs glyphs;
    final int cols;
    final int rows;

    Canvas(TextGraphics g, Theme theme, Glyphs glyphs, int cols, int rows) {
        this.g = g;
        this.theme = theme;
        this.glyphs = glyphs;
        this.cols = cols;
        this.rows = rows;
    }

    /** Writes text at (col,row), cut at {@code maxWidth} and at the screen edge; returns the columns used. */
    int text(int col, int row, String text, Attr attr, int maxWidth) {
        if (row < 0 || row >= rows || col >= cols || maxWidth <= 0) {
            return 0;
        }
        int room = Math.min(maxWidth, cols - col);
        if (!glyphs.unicode()) {
            text = AsciiFold.fold(text);
        }
        String clipped = text.length() > room ? text.substring(0, room) : text;
        apply(attr);
        g.putString(col, row, clipped);
        return clipped.length();
    }

    int spans(int col, int row, List<Span> spans, int maxWidth) {
        int used = 0;
        for (Span s : spans) {
            used += text(col + used, row, s.text(), theme.of(s.styles()), maxWidth - used);
        }
        return used;
    }

    void fill(int left, int row, int width, Attr attr) {
        text(left, row, " ".repeat(Math.max(0, width)), attr, width);
    }

    void box(int left, int top, int width, int height, String title, Attr border) {
        if (width < 2 || height < 2) {
            return;
        }
        String mid = glyphs.repeat(glyphs.horizontal(), width - 2);
        text(left, top, glyphs.topLeft() + mid + glyphs.topRight(), border, width);
        for (int r = top + 1; r < top + height - 1; r++) {
            text(left, r, String.valueOf(glyphs.vertical()), border, 1);
            fill(left + 1, r, width - 2, Attr.PLAIN);
            text(left + width - 1, r, String.valueOf(glyphs.vertical()), border, 1);
        }
        text(left, top + height - 1, glyphs.bottomLeft() + mid + glyphs.bottomRight(), border, width);
        if (title != null && !title.isEmpty()) {
            text(left + 2, top, " " + title + " ", border.with(SGR.BOLD), width - 4);
        }
    }

    private void apply(Attr attr) {
        g.setForegroundColor(attr.fg());
        g.setBackgroundColor(attr.bg());
        g.clearModifiers();
        if (!attr.sgr().isEmpty()) {
            g.enableModifiers(attr.sgr().toArray(new SGR[0]));
        }
    }
}
