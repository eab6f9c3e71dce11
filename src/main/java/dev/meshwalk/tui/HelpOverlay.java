package dev.meshwalk.tui;

import java.util.ArrayList;
import java.util.List;

import dev.meshwalk.content.Span;
import dev.meshwalk.content.StyledLine;
import dev.meshwalk.content.Wrapper;
import dev.meshwalk.core.KeyBindings;
import dev.meshwalk.core.KeyBindings.Binding;
import dev.meshwalk.core.KeyBindings.Section;

/**
 * The help overlay's lines for a screen and a box size, from the key table ({@link KeyBindings#help}). Meanings
 * wrap under their own column instead of being cut at the box edge, and the sections are chosen to fit: the keys
 * that work on this screen always, the other screens' keys when there is room, and a line saying where to find
 * the rest when there is not. Pure, so it can be checked without a screen.
 */
final class HelpOverlay {

    /**
     * One row inside the box: a section heading, a binding's keys (blank on continuation rows) and meaning, or a
     * note across the whole width.
     */
    record Row(Kind kind, String keys, String text) {
    }

    enum Kind {
        HEADING, BINDING, NOTE
    }

    private HelpOverlay() {
    }

    /** Columns for the keys: the longest keys of the table plus a gap, so the layout does not jump between views. */
    static int keyColumn() {
        return KeyBindings.ALL.stream().flatMap(s -> s.bindings().stream()).mapToInt(b -> b.label().length())
                .max().orElse(10) + 4;
    }

    /**
     * The rows for {@code help} in a box whose inside is {@code inner} columns wide and at most {@code maxRows}
     * rows high: every section that applies now, then the other screens' sections in order while they fit whole.
     */
    static List<Row> rows(KeyBindings.Help help, int inner, int maxRows) {
        int meaningWidth = Math.max(10, inner - keyColumn());
        List<Row> out = new ArrayList<>();
        help.now().forEach(section -> out.addAll(render(section, meaningWidth)));
        List<String> left = new ArrayList<>();
        for (Section section : help.others()) {
            List<Row> rows = render(section, meaningWidth);
            if (left.isEmpty() && out.size() + rows.size() <= maxRows - 1) {
                out.addAll(rows);
            } else {
                left.add(section.title().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!left.isEmpty()) {
            out.add(new Row(Kind.NOTE, "", "Keys of the " + String.join(" and the ", left) + ": press ? there."));
        }
        return out;
    }

    private static List<Row> render(Section section, int meaningWidth) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Kind.HEADING, "", section.title()));
        for (Binding b : section.bindings()) {
            String keys = b.label();
            boolean first = true;
            for (List<Span> line : Wrapper.wrap(List.of(Span.plain(b.meaning())), meaningWidth)) {
                rows.add(new Row(Kind.BINDING, first ? keys : "", new StyledLine(line).text()));
                first = false;
            }
        }
        return rows;
    }
}
