package dev.meshwalk.core;

import java.util.List;

import dev.meshwalk.content.Chapter;
import dev.meshwalk.content.MarkdownRenderer;
import dev.meshwalk.content.RenderOptions;
import dev.meshwalk.content.StyledLine;

/** How chapters read as text, shared by the chapter list of every front-end and the {@code chapters} command. */
public final class ChapterLines {

    private ChapterLines() {
    }

    /** {@code "2  Meshify            ● deployed"}: number, padded title, progress symbol and label. */
    public static String summary(Chapter chapter, Mark mark, boolean unicode, int titleWidth) {
        String title = chapter.title() + (chapter.readable() ? "" : " (unreadable)");
        String padded = title.length() >= titleWidth ? title : title + " ".repeat(titleWidth - title.length());
        return chapter.number() + "  " + padded + " " + mark.status().symbol(unicode) + " " + mark.status().label();
    }

    /** The longest progress label, so columns after the summary line up. */
    public static int summaryWidth(int titleWidth, boolean unicode) {
        int label = 0;
        for (Mark m : Mark.values()) {
            label = Math.max(label, m.status().symbol(unicode).length() + 1 + m.status().label().length());
        }
        return 3 + titleWidth + 1 + label;
    }

    public static int titleWidth(List<Chapter> chapters) {
        int w = 12;
        for (Chapter c : chapters) {
            w = Math.max(w, c.title().length() + (c.readable() ? 0 : 13));
        }
        return w;
    }

    /** The lesson laid out for a width: pure, so the core can keep it in State and page through it. */
    public static List<StyledLine> lesson(Chapter chapter, int width, boolean unicode) {
        return MarkdownRenderer.render(chapter.markdown(), RenderOptions.of(width, unicode));
    }
}
