package dev.meshwalk.graph.render;

/**
 * The characters a map is drawn with. {@link #UNICODE} uses box drawing; {@link #ASCII} works on any
 * terminal and in any log. Health bars use a distinct glyph per outcome so they read without colour
 * ({@code NO_COLOR}, colour-blind learners, pasted text).
 */
public enum Glyphs {
    UNICODE("─│┌┐└┘├┤┬┴┼", '▶', '◀', '█', '▒', '░', '▚', '…', '⇅', '·'),
    ASCII("-|+++++++++", '>', '<', '#', 'x', '!', '~', '~', '=', '-');

    // Index by direction mask: N=1, E=2, S=4, W=8.
    private final char[] byMask = new char[16];
    private final char horizontal;
    private final char vertical;
    final char topLeft;
    final char topRight;
    final char bottomLeft;
    final char bottomRight;
    final char teeRight;
    final char teeLeft;
    final char arrowRight;
    final char arrowLeft;
    final char ok;
    final char clientError;
    final char fault;
    final char throttle;
    final char ellipsis;
    final char pairLink;
    final char dot;

    Glyphs(String box, char arrowRight, char arrowLeft, char ok, char clientError, char fault, char throttle,
           char ellipsis, char pairLink, char dot) {
        horizontal = box.charAt(0);
        vertical = box.charAt(1);
        topLeft = box.charAt(2);
        topRight = box.charAt(3);
        bottomLeft = box.charAt(4);
        bottomRight = box.charAt(5);
        teeRight = box.charAt(6);
        teeLeft = box.charAt(7);
        char teeDown = box.charAt(8);
        char teeUp = box.charAt(9);
        char cross = box.charAt(10);
        this.arrowRight = arrowRight;
        this.arrowLeft = arrowLeft;
        this.ok = ok;
        this.clientError = clientError;
        this.fault = fault;
        this.throttle = throttle;
        this.ellipsis = ellipsis;
        this.pairLink = pairLink;
        this.dot = dot;
        final int n = 1;
        final int e = 2;
        final int s = 4;
        final int w = 8;
        byMask[0] = ' ';
        byMask[n] = vertical;
        byMask[s] = vertical;
        byMask[n | s] = vertical;
        byMask[e] = horizontal;
        byMask[w] = horizontal;
        byMask[e | w] = horizontal;
        byMask[e | s] = topLeft;
        byMask[w | s] = topRight;
        byMask[n | e] = bottomLeft;
        byMask[n | w] = bottomRight;
        byMask[n | e | s] = teeRight;
        byMask[n | w | s] = teeLeft;
        byMask[e | w | s] = teeDown;
        byMask[e | w | n] = teeUp;
        byMask[15] = cross;
    }

    /** The line character joining the given directions (N=1, E=2, S=4, W=8). */
    public char line(int mask) {
        return byMask[mask & 15];
    }

    public char horizontal() {
        return horizontal;
    }

    public char vertical() {
        return vertical;
    }

    /** Whether the text uses only 7-bit characters. */
    public boolean isAscii() {
        return this == ASCII;
    }
}
