package dev.meshwalk.content;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** A run of text that shares one set of styles. Immutable. */
public record Span(String text, Set<Style> styles) {

    public Span {
        styles = styles.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Style.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(styles));
    }

    public static Span plain(String text) {
        return new Span(text, Set.of());
    }

    public static Span of(String text, Style first, Style... rest) {
        return new Span(text, EnumSet.of(first, rest));
    }

    public boolean has(Style style) {
        return styles.contains(style);
    }
}
