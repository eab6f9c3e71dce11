package dev.meshwalk.tui;

import java.util.ArrayList;
import java.util.List;

import dev.meshwalk.content.Span;
import dev.meshwalk.content.StyledLine;
import dev.meshwalk.content.Wrapper;
import dev.meshwalk.core.KeyBindings;
import dev.meshwalk.core.KeyBindings.Binding;
import dev.meshwalk.core.View;

/**
 * The help overlay's lines for a view and a box size. Meanings wrap under their own column instead of being cut
 * at the box edge, and the sections are chosen to fit: the keys that work everywhere and the keys of the view the
 * learner is in always, the other views' keys when there is room, and a line saying where to find the rest when
 * there is not. Pure, so it can be checked without a screen.
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

    private record Section(String title, View view, List<Binding> bindings) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("Everywhere", null, KeyBindings.everywhere()),
            new Section("Chapter list", View.CHAPTERS, KeyBindings.chapterList()),
            new Section("Lesson", View.LESSON, KeyBindings.lesson()),
            new Section("Action panes", View.ACTION, KeyBindings.actions()));

    private HelpOverlay() {
    }

    /** Columns for the keys: the longest keys of any section plus a gap, so the layout does not jump between views. */
    static int keyColumn() {
        return SECTIONS.stream().flatMap(s -> s.bindings().stream()).mapToInt(b -> b.keys().length()).max().orElse(10) + 4;
    }

    /**
     * The rows for {@code view} in a box whose inside is {@code inner} columns wide and at most {@code maxRows}
     * rows high.
     */
    static List<Row> rows(View view, int inner, int maxRows) {
        int meaningWidth = Math.max(10, inner - keyColumn());
        List<List<Row>> chosen = new ArrayList<>(java.util.Collections.nCopies(SECTIONS.size(), (List<Row>) null));
        List<String> left = new ArrayList<>();
        int used = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < SECTIONS.size(); i++) {
                Section section = SECTIONS.get(i);
                boolean essential = section.view() == null || section.view() == view;
                if (essential != (pass == 0)) {
                    continue;
                }
                List<Row> rows = render(section, meaningWidth);
                if (essential || used + rows.size() <= maxRows - 1) {
                    chosen.set(i, rows);
                    used += rows.size();
                } else {
                    left.add(section.title().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        List<Row> out = new ArrayList<>();
        chosen.stream().filter(r -> r != null).forEach(out::addAll);
        if (!left.isEmpty()) {
            out.add(new Row(Kind.NOTE, "", "Keys of the " + String.join(" and the ", left) + ": press ? there."));
        }
        return out;
    }

    private static List<Row> render(Section section, int meaningWidth) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Kind.HEADING, "", section.title()));
        for (Binding b : section.bindings()) {
            boolean first = true;
            for (List<Span> line : Wrapper.wrap(List.of(Span.plain(b.meaning())), meaningWidth)) {
                rows.add(new Row(Kind.BINDING, first ? b.keys() : "", new StyledLine(line).text()));
                first = false;
            }
        }
        return rows;
    }
}
