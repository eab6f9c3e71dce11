package dev.meshwalk.tui;

import java.util.EnumSet;
import java.util.Set;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;

/** Foreground, background and modifiers of a piece of text on screen. Immutable. */
record Attr(TextColor fg, TextColor bg, Set<SGR> sgr) {

    static final Attr PLAIN = new Attr(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, Set.of());

    Attr {
        sgr = sgr.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sgr));
    }

    Attr with(SGR extra) {
        EnumSet<SGR> s = sgr.isEmpty() ? EnumSet.noneOf(SGR.class) : EnumSet.copyOf(sgr);
        s.add(extra);
        return new Attr(fg, bg, s);
    }
}
