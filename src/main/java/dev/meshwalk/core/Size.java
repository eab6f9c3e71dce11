package dev.meshwalk.core;

/** The terminal size in columns and rows, and whether the screens fit in it. */
public record Size(int cols, int rows) {

    public static final int MIN_COLS = 80;
    public static final int MIN_ROWS = 24;

    public boolean tooSmall() {
        return cols < MIN_COLS || rows < MIN_ROWS;
    }
}
