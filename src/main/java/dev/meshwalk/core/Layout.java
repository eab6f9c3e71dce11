package dev.meshwalk.core;

/**
 * Where things go on a screen of a given size. Pure arithmetic shared by the core (page size, text width for
 * wrapping) and the TUI (where to draw), so scrolling and drawing always agree.
 *
 * <p>Rows: 0 is the title bar, {@code rows-2} the status bar, {@code rows-1} the key footer. In the lesson view
 * the action strip sits at the right on wide screens and at the bottom otherwise.
 */
public record Layout(int cols, int rows, boolean sideStrip,
                     int textLeft, int textWidth, int bodyTop, int viewportHeight,
                     int stripLeft, int stripTop, int stripWidth, int stripHeight) {

    /** Long lines are hard to read: lesson text never gets wider than this, however wide the terminal. */
    public static final int MAX_TEXT_WIDTH = 100;
    static final int SIDE_STRIP_MIN_COLS = 120;
    static final int SIDE_STRIP_WIDTH = 34;
    static final int BOTTOM_STRIP_HEIGHT = 6;

    public static Layout of(Size size) {
        int cols = Math.max(size.cols(), 1);
        int rows = Math.max(size.rows(), 4);
        int bodyTop = 1;
        int bodyHeight = Math.max(1, rows - 3);
        if (cols >= SIDE_STRIP_MIN_COLS) {
            // The strip follows the text (not the screen edge) so eyes need not cross an empty desert.
            int textWidth = Math.min(MAX_TEXT_WIDTH, cols - SIDE_STRIP_WIDTH - 4);
            int stripLeft = 2 + textWidth + 2;
            return new Layout(cols, rows, true, 2, textWidth, bodyTop, bodyHeight,
                    stripLeft, bodyTop, SIDE_STRIP_WIDTH, bodyHeight);
        }
        int stripHeight = Math.min(BOTTOM_STRIP_HEIGHT, Math.max(0, bodyHeight - 3));
        int textWidth = Math.min(MAX_TEXT_WIDTH, cols - 4);
        return new Layout(cols, rows, false, 2, textWidth, bodyTop, Math.max(1, bodyHeight - stripHeight),
                0, bodyTop + bodyHeight - stripHeight, cols, stripHeight);
    }
}
