package dev.meshwalk.tui;

import java.util.List;

import dev.meshwalk.core.Action;
import dev.meshwalk.core.ActionPane;
import dev.meshwalk.core.BoardText;
import dev.meshwalk.core.State;

/**
 * Draws the focused action over the whole body ({@code View.ACTION}): a tab row, the pane's lines (status symbols
 * in their colours), the question it asks, and for the map {@link MapPanePainter}. Reads State only.
 */
final class ActionPainter {

    private ActionPainter() {
    }

    static void paint(State s, Canvas c) {
        int top = 1;
        // The last body row, above any rows a long notice takes (the end of a pane is what the learner waits for).
        int bottom = c.rows - 3 - NoticeBand.lines(s, c.cols).size();
        int col = 1;
        for (Action a : Action.values()) {
            ActionPane p = s.actions().get(a);
            String tab = " " + a.key() + " " + a.title() + " " + p.status().symbol(s.unicode()) + " ";
            c.text(col, top, tab, a == s.focused() ? c.theme.selected() : c.theme.dim(), c.cols - col);
            col += tab.length() + 1;
        }
        ActionPane pane = s.actions().get(s.focused());
        int row = top + 2;
        int width = c.cols - 2;
        int last = pane.question() == ActionPane.Question.NONE ? bottom : bottom - 1;
        if (s.focused() == Action.MAP) {
            MapPanePainter.paint(s, c, row, last, width);
        } else if (pane.question() == ActionPane.Question.TEARDOWN) {
            TeardownMenuPainter.paint(s, pane, c, row, last, width);
        } else {
            List<String> lines = BoardText.pane(pane, s.unicode());
            int pinnedRows = wrap(lines.subList(0, Math.min(PINNED, lines.size())), width).size();
            for (String line : visibleLines(wrap(lines, width), last - row + 1, s.paneScroll(), pinnedRows)) {
                c.text(1, row++, line, attrFor(line, s, c), width);
            }
        }
        if (pane.question() != ActionPane.Question.NONE) {
            c.fill(0, bottom, c.cols, c.theme.notice());
            c.text(1, bottom, s.prompt(s.focused()), c.theme.notice(), c.cols - 2);
        }
    }

    /**
     * Header lines a pane keeps in view when its list is longer than the pane: what runs and the progress bar, or
     * the traffic loop and its counts. Counted before wrapping, so a narrow terminal keeps all of both.
     */
    static final int PINNED = 2;

    /**
     * What fits: everything, or the pinned header ({@code pinned} rows), a "... n more above" line and the newest
     * lines (the rows that are changing and the summary are at the end).
     */
    static List<String> visibleLines(List<String> lines, int room, int scrollBack, int pinned) {
        if (lines.size() <= room) {
            return lines;
        }
        if (scrollBack > 0) {
            int end = Math.max(Math.min(room, lines.size()), lines.size() - scrollBack);
            List<String> out = new java.util.ArrayList<>(lines.subList(Math.max(0, end - room + 1), end));
            out.add("  ... " + (lines.size() - end) + " newer lines below (PgDn/space, End) ...");
            return out;
        }
        if (room <= pinned + 1) {
            return lines.subList(lines.size() - Math.max(0, room), lines.size());
        }
        List<String> out = new java.util.ArrayList<>(lines.subList(0, pinned));
        int tail = room - pinned - 1;
        out.add("  ... " + (lines.size() - pinned - tail) + " more lines above (PgUp/b) ...");
        out.addAll(lines.subList(lines.size() - tail, lines.size()));
        return out;
    }

    /** A deploy/teardown row: status symbol, elapsed seconds, then id, status and type. */
    private static final java.util.regex.Pattern RESOURCE_ROW = java.util.regex.Pattern.compile("^ \\S{1,3} +[0-9.]+ s  ");

    /** Long lines continue on the next row, indented, so the end of a line (a reason, a flag) is never cut. */
    static List<String> wrap(List<String> lines, int width) {
        List<String> out = new java.util.ArrayList<>();
        for (String line : lines) {
            if (RESOURCE_ROW.matcher(line).find()) {
                out.add(line); // a resource row: its end is only the type; keep one row per resource
                continue;
            }
            String rest = line;
            boolean first = true;
            while (true) {
                int room = first ? width : width - 6;
                if (rest.length() <= room || room < 10) {
                    out.add(first ? rest : "      " + rest);
                    break;
                }
                int cut = cutAt(rest, room);
                String head = rest.substring(0, cut).stripTrailing();
                out.add(first ? head : "      " + head);
                rest = rest.substring(cut).stripLeading();
                first = false;
            }
        }
        return out;
    }

    /**
     * Where a line longer than {@code room} breaks: at the last column gap (two spaces) that leaves the first
     * row at least half full, so a table row such as a change-set line moves its whole last column to the next
     * row instead of leaving its first word behind; otherwise at the last space; a word longer than half the
     * row is cut.
     */
    private static int cutAt(String line, int room) {
        int gap = line.lastIndexOf("  ", room - 1);
        if (gap >= room / 2 && !line.substring(0, gap).isBlank()) {
            return gap;
        }
        int space = line.lastIndexOf(' ', room);
        return space < room / 2 ? room : space;
    }

    /** Lines start with a status symbol when they report one; colour the line after its symbol. */
    static Attr attrFor(String line, State s, Canvas c) {
        String t = line.stripLeading();
        for (dev.meshwalk.core.Status st : dev.meshwalk.core.Status.values()) {
            String sym = st.symbol(s.unicode());
            if (!t.isEmpty() && t.startsWith(sym + " ")) {
                return st == dev.meshwalk.core.Status.OK || st == dev.meshwalk.core.Status.DONE ? Attr.PLAIN : c.theme.status(st);
            }
        }
        return Attr.PLAIN;
    }
}
