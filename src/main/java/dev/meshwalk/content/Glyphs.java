package dev.meshwalk.content;

/**
 * The characters used for bullets, rules and boxes. Unicode where the terminal can show it, plain ASCII
 * where it cannot (non-UTF-8 locale, or {@code --ascii}); every renderer and view draws through one of these.
 */
public record Glyphs(
        boolean unicode,
        String bullet, String subBullet,
        char horizontal, char vertical, char heavyHorizontal,
        char topLeft, char topMid, char topRight,
        char midLeft, char cross, char midRight,
        char bottomLeft, char bottomMid, char bottomRight,
        String codeGutter, String codeContinuation, String quoteBar,
        String scrollUp, String scrollDown, String selectionMarker) {

    public static final Glyphs UNICODE = new Glyphs(true, "•", "◦", '─', '│', '═',
            '┌', '┬', '┐', '├', '┼', '┤', '└', '┴', '┘', "│ ", "┆ ", "┃ ", "▲", "▼", "▶");

    public static final Glyphs ASCII = new Glyphs(false, "*", "-", '-', '|', '=',
            '+', '+', '+', '+', '+', '+', '+', '+', '+', "| ", ": ", "> ", "^", "v", ">");

    public static Glyphs of(boolean unicode) {
        return unicode ? UNICODE : ASCII;
    }

    public String repeat(char c, int n) {
        return n <= 0 ? "" : String.valueOf(c).repeat(n);
    }
}
