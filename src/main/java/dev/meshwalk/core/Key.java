package dev.meshwalk.core;

/**
 * A key press in the core's own terms, so key bindings live in the pure core (and its tests) rather than in
 * each front-end. Front-ends translate their library's key events into these.
 */
public record Key(Kind kind, char ch) {

    public enum Kind {
        CHAR, ENTER, ESCAPE, UP, DOWN, LEFT, RIGHT, PAGE_UP, PAGE_DOWN, HOME, END, BACKSPACE, TAB, CTRL_C, OTHER
    }

    public static Key of(Kind kind) {
        return new Key(kind, '\0');
    }

    public static Key ch(char c) {
        return new Key(Kind.CHAR, c);
    }

    public boolean is(char c) {
        return kind == Kind.CHAR && ch == c;
    }
}
