package dev.meshwalk.tui;

import java.util.ArrayList;
import java.util.List;

import dev.meshwalk.content.Chapter;
import dev.meshwalk.content.Span;
import dev.meshwalk.content.StyledLine;
import dev.meshwalk.content.Wrapper;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.ActionPane;
import dev.meshwalk.core.BoardText;
import dev.meshwalk.core.ChapterLines;
import dev.meshwalk.core.InterruptedWork;
import dev.meshwalk.core.KeyBindings;
import dev.meshwalk.core.Layout;
import dev.meshwalk.core.Mark;
import dev.meshwalk.core.Overlay;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.View;

/**
 * Draws a {@link State} onto a canvas. A pure function of the state: the same state always gives the same
 * screen, which is what the screen tests rely on.
 */
final class ScreenPainter {

    static final String TITLE = "meshwalk - App Mesh on ECS, a terminal tutorial";

    private ScreenPainter() {
    }

    static void paint(State s, Canvas c) {
        if (s.size().tooSmall()) {
            tooSmall(s, c);
            return;
        }
        Layout layout = s.layout();
        titleBar(s, c);
        if (s.view() == View.CHAPTERS) {
            chapterList(s, c);
        } else if (s.view() == View.ACTION) {
            ActionPainter.paint(s, c);
        } else {
            lesson(s, c, layout);
        }
        statusBar(s, c);
        c.text(0, c.rows - 1, " " + KeyBindings.footer(s), c.theme.dim(), c.cols);
        if (s.overlay() == Overlay.HELP) {
            help(s, c);
        } else if (s.overlay() == Overlay.CONFIRM_QUIT) {
            confirmQuit(c, InterruptedWork.stillRunning(s));
        }
    }

    private static void tooSmall(State s, Canvas c) {
        List<String> lines = List.of(
                "Terminal too small",
                "(need " + Size.MIN_COLS + "x" + Size.MIN_ROWS + ", have " + s.size().cols() + "x" + s.size().rows() + ")",
                "",
                "Make the window larger,",
                "or press q to quit.");
        int top = Math.max(0, (c.rows - lines.size()) / 2);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int left = Math.max(0, (c.cols - line.length()) / 2);
            c.text(left, top + i, line, i == 0 ? c.theme.bold() : Attr.PLAIN, c.cols);
        }
    }

    private static void titleBar(State s, Canvas c) {
        c.fill(0, 0, c.cols, c.theme.bar());
        c.text(1, 0, TITLE, c.theme.bar(), c.cols - 2);
        Chapter ch = s.currentChapter();
        if (s.view() == View.LESSON && ch != null) {
            String right = "Chapter " + ch.number() + "/" + (s.chapters().size() - 1) + ": " + ch.title() + " ";
            if (TITLE.length() + right.length() + 4 <= c.cols) {
                c.text(c.cols - right.length(), 0, right, c.theme.bar(), right.length());
            }
        }
    }

    private static void statusBar(State s, Canvas c) {
        int row = c.rows - 2;
        c.fill(0, row, c.cols, c.theme.statusBar());
        String target = " " + s.target().label() + " ";
        int used = c.text(0, row, target, c.theme.statusBar().with(com.googlecode.lanterna.SGR.BOLD), c.cols);
        String right = NoticeBand.percent(s);
        int rightStart = c.cols - right.length();
        List<String> band = NoticeBand.lines(s, c.cols);
        if (!band.isEmpty()) {
            noticeBand(c, row, band);
        } else if (s.notice() != null || s.starting() != null) {
            String middle = s.notice() != null ? s.notice() : "starting: " + s.starting() + "...";
            Attr attr = s.notice() != null ? c.theme.notice() : c.theme.statusBar();
            c.text(used + 1, row, " " + middle + " ", attr, NoticeBand.statusRoom(s, c.cols));
        }
        c.text(rightStart, row, right, c.theme.statusBar(), right.length());
    }

    /**
     * A notice too long for the status bar (a chapter check's verdict) takes the rows just above it. The action pane
     * gives those rows up (its question moves above them); in the lesson the band covers the text's last rows until
     * the next key clears it.
     */
    private static void noticeBand(Canvas c, int statusRow, List<String> lines) {
        int top = statusRow - lines.size();
        for (int i = 0; i < lines.size(); i++) {
            c.fill(0, top + i, c.cols, c.theme.notice());
            c.text(1, top + i, lines.get(i), c.theme.notice(), c.cols - 2);
        }
    }

    private static void chapterList(State s, Canvas c) {
        int width = Math.min(c.cols - 4, 76);
        int left = Math.max(2, (c.cols - width) / 2);
        int row = 2;
        c.text(left, row++, "Walk from a load balancer to a service mesh, one chapter at a time.", Attr.PLAIN, width);
        c.text(left, row++, "Pick a chapter with its number or the arrows, then press enter.", c.theme.dim(), width);
        row++;
        int boxHeight = s.chapters().size() + 2;
        c.box(left, row, width, boxHeight, "Chapters", c.theme.border());
        int titleWidth = ChapterLines.titleWidth(s.chapters());
        for (Chapter ch : s.chapters()) {
            int r = row + 1 + ch.number();
            boolean sel = ch.number() == s.selected();
            Mark mark = s.mark(ch.id());
            String marker = sel ? s.unicode() ? c.glyphs.selectionMarker() : ">" : " ";
            String line = " " + marker + " " + ChapterLines.summary(ch, mark, s.unicode(), titleWidth);
            String padded = line.length() < width - 2 ? line + " ".repeat(width - 2 - line.length()) : line;
            c.text(left + 1, r, padded, sel ? c.theme.selected() : Attr.PLAIN, width - 2);
            if (!sel) {
                String sym = mark.status().symbol(s.unicode());
                int symCol = left + 1 + line.length() - mark.status().label().length() - 1 - sym.length();
                c.text(symCol, r, sym, c.theme.status(mark.status()), sym.length());
            }
        }
        if (s.chapters().isEmpty()) {
            c.text(left + 2, row + 1, "No lessons were found in this build.", c.theme.bold(), width - 4);
        }
        row += boxHeight + 1;
        if (!s.chapters().isEmpty()) {
            Chapter sel = s.chapters().get(Math.max(0, Math.min(s.selected(), s.chapters().size() - 1)));
            c.text(left, row++, "Chapter " + sel.number() + ": " + sel.title(), c.theme.bold(), width);
            String stack = sel.stack().isEmpty() ? "(no stack)" : sel.stack();
            c.text(left, row++, "Stack: " + stack, c.theme.dim(), width);
            if (!sel.readable()) {
                c.text(left, row++, sel.problem(), c.theme.notice(), width);
            }
        }
        row++;
        StringBuilder legend = new StringBuilder("Marks: ");
        for (Mark m : Mark.values()) {
            legend.append(m.status().symbol(s.unicode())).append(' ').append(m.status().label()).append("   ");
        }
        if (row < c.rows - 2) {
            c.text(left, row, legend.toString().stripTrailing(), c.theme.dim(), width);
        }
        row += 2;
        if (s.notice() != null) {
            // The status bar cuts long notices (a corrupt progress file names its new place); show them whole here.
            for (String line : wrapAll(List.of(s.notice()), width)) {
                if (row >= c.rows - 2) {
                    break;
                }
                c.text(left, row++, line, c.theme.bold(), width);
            }
        }
    }

    private static void lesson(State s, Canvas c, Layout l) {
        List<StyledLine> lines = s.lesson();
        for (int i = 0; i < l.viewportHeight(); i++) {
            int index = s.scroll() + i;
            if (index >= lines.size()) {
                break;
            }
            c.spans(l.textLeft(), l.bodyTop() + i, lines.get(index).spans(), l.textWidth());
        }
        int indicatorCol = l.textLeft() + l.textWidth() + 1;
        if (s.scroll() > 0) {
            c.text(indicatorCol, l.bodyTop(), c.glyphs.scrollUp(), c.theme.dim(), 1);
        }
        if (s.scroll() < s.maxScroll()) {
            c.text(indicatorCol, l.bodyTop() + l.viewportHeight() - 1, c.glyphs.scrollDown(), c.theme.dim(), 1);
        }
        if (l.sideStrip()) {
            sideStrip(s, c, l);
        } else if (l.stripHeight() >= 3) {
            bottomStrip(s, c, l);
        }
    }

    private static void sideStrip(State s, Canvas c, Layout l) {
        c.box(l.stripLeft(), l.stripTop(), l.stripWidth() - 1, l.stripHeight(), "Actions", c.theme.border());
        int inner = l.stripWidth() - 5;
        int left = l.stripLeft() + 2;
        int row = l.stripTop() + 1;
        for (Action a : Action.values()) {
            ActionPane pane = s.actions().get(a);
            boolean focused = a == s.focused();
            String text = "[" + a.key() + "] " + a.title();
            c.text(left, row, text + " ".repeat(Math.max(0, inner - text.length())),
                    focused ? c.theme.selected() : Attr.PLAIN, inner);
            String sym = pane.status().symbol(s.unicode());
            c.text(left + inner - sym.length(), row, sym, c.theme.status(pane.status()), sym.length());
            row++;
        }
        row++;
        ActionPane pane = s.actions().get(s.focused());
        c.text(left, row++, pane.action().title() + ": " + pane.status().label(), c.theme.bold(), inner);
        for (String line : wrapAll(BoardText.pane(pane, s.unicode()), inner)) {
            if (row >= l.stripTop() + l.stripHeight() - 1) {
                break;
            }
            c.text(left, row++, line, Attr.PLAIN, inner);
        }
    }

    private static void bottomStrip(State s, Canvas c, Layout l) {
        c.box(0, l.stripTop(), c.cols, l.stripHeight(), "Actions", c.theme.border());
        int row = l.stripTop() + 1;
        int col = 2;
        for (Action a : Action.values()) {
            String text = "[" + a.key() + "] " + a.title();
            c.text(col, row, text, a == s.focused() ? c.theme.selected() : Attr.PLAIN, c.cols - col - 2);
            col += text.length() + 3;
        }
        ActionPane pane = s.actions().get(s.focused());
        row++;
        List<String> lines = new ArrayList<>();
        lines.add(pane.action().title() + " (" + pane.status().symbol(s.unicode()) + " " + pane.status().label() + "): "
                + String.join(" ", BoardText.pane(pane, s.unicode())));
        for (String line : wrapAll(lines, c.cols - 4)) {
            if (row >= l.stripTop() + l.stripHeight() - 1) {
                break;
            }
            c.text(2, row++, line, Attr.PLAIN, c.cols - 4);
        }
    }

    private static void help(State s, Canvas c) {
        // As wide as the screen allows (one column of margin), so the meanings wrap as little as possible.
        int width = Math.min(c.cols - 2, 86);
        int inner = width - 4;
        List<String> footer = wrapAll(List.of("Logs are written to " + s.logFile()), inner);
        KeyBindings.Help help = KeyBindings.help(s);
        List<HelpOverlay.Row> rows = HelpOverlay.rows(help, inner, Math.max(1, c.rows - 4 - footer.size()));
        if (rows.size() > c.rows - 4 - footer.size()) {
            // The keys come first: on a short screen the log file's path gives way (the chapter list's help has room).
            footer = List.of();
            rows = HelpOverlay.rows(help, inner, Math.max(1, c.rows - 4));
        }
        int height = Math.min(c.rows - 2, rows.size() + footer.size() + 2);
        int left = (c.cols - width) / 2;
        int top = Math.max(1, (c.rows - height) / 2);
        c.box(left, top, width, height, "Help (any key closes)", c.theme.border());
        int row = top + 1;
        int keyWidth = HelpOverlay.keyColumn();
        for (HelpOverlay.Row r : rows) {
            if (row >= top + height - 1 - footer.size()) {
                break;
            }
            if (r.kind() == HelpOverlay.Kind.HEADING) {
                c.text(left + 2, row, r.text(), c.theme.bold(), inner);
            } else if (r.kind() == HelpOverlay.Kind.NOTE) {
                c.text(left + 2, row, r.text(), c.theme.dim(), inner);
            } else {
                c.text(left + 4, row, r.keys(), c.theme.bold(), keyWidth - 2);
                c.text(left + 2 + keyWidth, row, r.text(), Attr.PLAIN, inner - keyWidth);
            }
            row++;
        }
        row = top + height - 1 - footer.size();
        for (String f : footer) {
            c.text(left + 2, row++, f, c.theme.dim(), inner);
        }
    }

    private static void confirmQuit(Canvas c, String running) {
        int width = 50;
        int left = (c.cols - width) / 2;
        int top = c.rows / 2 - 3;
        c.box(left, top, width, 6, "Quit?", c.theme.border());
        c.text(left + 2, top + 2, running, Attr.PLAIN, width - 4);
        c.text(left + 2, top + 3, "Quit anyway?  y = quit, any other key = stay", c.theme.bold(), width - 4);
    }


    static List<String> wrapAll(List<String> texts, int width) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            for (List<Span> line : Wrapper.wrap(List.of(Span.plain(t)), width)) {
                out.add(new StyledLine(line).text());
            }
        }
        return out;
    }
}
