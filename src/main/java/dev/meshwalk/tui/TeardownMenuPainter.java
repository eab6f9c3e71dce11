package dev.meshwalk.tui;

import java.util.List;

import dev.meshwalk.core.ActionPane;
import dev.meshwalk.core.State;
import dev.meshwalk.core.TeardownItem;
import dev.meshwalk.core.TeardownMenu;

/**
 * Draws the teardown menu while it asks: the pane's header lines, one row per item with its check box (the cursor
 * row highlighted, unpicked rows dimmed), and a key hint with the count picked. A list longer than the pane
 * scrolls so the cursor stays in view. Reads State only.
 */
final class TeardownMenuPainter {

    private TeardownMenuPainter() {
    }

    static void paint(State s, ActionPane pane, Canvas c, int row, int last, int width) {
        TeardownMenu menu = s.teardown();
        List<TeardownItem> items = menu.items();
        List<String> header = ActionPainter.wrap(pane.lines(), width);
        // Header first, but never so much of it that no item row is left.
        int headerRoom = Math.max(0, Math.min(header.size(), last - row - 2));
        for (String line : header.subList(0, headerRoom)) {
            c.text(1, row++, line, ActionPainter.attrFor(line, s, c), width);
        }
        row++;
        int room = Math.max(1, last - row); // item rows; the hint takes the last row
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            TeardownItem item = items.get(i);
            String pointer = i == menu.cursor() ? (s.unicode() ? "›" : ">") : " ";
            rows.add(itemRows(pointer + " " + item.box() + " ", item, width));
        }
        int first = firstShown(rows, menu.cursor(), room);
        int used = 0;
        int shown = 0;
        for (int i = first; i < items.size() && used + rows.get(i).size() <= room; i++) {
            TeardownItem item = items.get(i);
            Attr attr = i == menu.cursor() ? c.theme.selected() : item.picked() ? Attr.PLAIN : c.theme.dim();
            for (String line : rows.get(i)) {
                c.text(1, row++, line, attr, width);
            }
            used += rows.get(i).size();
            shown++;
        }
        String more = shown < items.size() ? (s.unicode() ? " · " : ", ") + (items.size() - shown) + " more" : "";
        String hint = (s.unicode() ? "↑/↓ j/k move · space pick/unpick · a all/none · " : "up/down j/k move, space pick/unpick, a all/none, ")
                + menu.picked().size() + " of " + items.size() + " picked" + more;
        c.text(1, last, hint, c.theme.dim(), width);
    }

    /**
     * One row when it fits; otherwise the name alone on the first row and kind and state on a second, indented
     * one, so a long name (dashboards are named after the stack and the node) is not cut in the middle (a name
     * longer than the screen still wraps).
     */
    static List<String> itemRows(String prefix, TeardownItem item, int width) {
        String one = prefix + item.describe();
        if (one.length() <= width) {
            return List.of(one);
        }
        List<String> rows = new java.util.ArrayList<>(ActionPainter.wrap(List.of(prefix + item.name()), width));
        rows.add(" ".repeat(prefix.length()) + item.kind() + ", " + item.state());
        return rows;
    }

    /** The first item to draw so that the cursor's item is on screen: scroll only as far as needed. */
    static int firstShown(List<List<String>> rows, int cursor, int room) {
        int first = 0;
        int needed = 0;
        for (int i = 0; i <= cursor && i < rows.size(); i++) {
            needed += rows.get(i).size();
        }
        while (needed > room && first < cursor) {
            needed -= rows.get(first).size();
            first++;
        }
        return first;
    }
}
