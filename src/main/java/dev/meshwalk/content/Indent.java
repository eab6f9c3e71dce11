package dev.meshwalk.content;

import java.util.ArrayList;
import java.util.List;

/**
 * The prefix in front of each line of a nested block (list markers, quote bars). The first line of a
 * list item gets the marker, the rest get the same width of blanks: the hanging indent.
 */
final class Indent {
    private final Indent parent;
    private final List<Span> first;
    private final List<Span> rest;
    private boolean used;

    private Indent(Indent parent, List<Span> first, List<Span> rest) {
        this.parent = parent;
        this.first = first;
        this.rest = rest;
    }

    static Indent root() {
        return new Indent(null, List.of(), List.of());
    }

    Indent child(List<Span> first, List<Span> rest) {
        return new Indent(this, first, rest);
    }

    List<Span> next() {
        List<Span> out = new ArrayList<>(parent == null ? List.of() : parent.next());
        out.addAll(used ? rest : first);
        used = true;
        return out;
    }

    int width() {
        return (parent == null ? 0 : parent.width()) + Wrapper.widthOf(first);
    }
}
