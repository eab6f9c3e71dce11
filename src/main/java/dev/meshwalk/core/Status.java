package dev.meshwalk.core;

/**
 * The one status vocabulary of the tutorial. The TUI paints the symbol in the color, line mode prints the
 * symbol (or the ASCII symbol) and the label, and tests assert on the category; nobody invents their own.
 *
 * <p>Colour names are the eight ANSI names so every front-end can map them; with {@code NO_COLOR} the symbol and
 * label alone carry the meaning, which is why no two statuses share a symbol.
 */
public enum Status {
    NOT_STARTED(Category.NEUTRAL, "○", "[ ]", "default", "not started"),
    READ(Category.ACTIVE, "◐", "[r]", "cyan", "read"),
    DEPLOYED(Category.ACTIVE, "●", "[d]", "blue", "deployed"),
    DONE(Category.SUCCESS, "✔", "[x]", "green", "done"),
    IN_PROGRESS(Category.ACTIVE, "◌", "[~]", "yellow", "in progress"),
    OK(Category.SUCCESS, "✓", "[+]", "green", "ok"),
    WARNING(Category.WARNING, "!", "[!]", "yellow", "warning"),
    FAILED(Category.FAILURE, "✘", "[X]", "red", "failed"),
    UNAVAILABLE(Category.NEUTRAL, "–", "[-]", "default", "not available yet"),
    INFO(Category.NEUTRAL, "i", "[i]", "default", "info");

    private final Category category;
    private final String symbol;
    private final String asciiSymbol;
    private final String color;
    private final String label;

    Status(Category category, String symbol, String asciiSymbol, String color, String label) {
        this.category = category;
        this.symbol = symbol;
        this.asciiSymbol = asciiSymbol;
        this.color = color;
        this.label = label;
    }

    public Category category() {
        return category;
    }

    public String symbol() {
        return symbol;
    }

    public String asciiSymbol() {
        return asciiSymbol;
    }

    /** The symbol for the glyph set in use. */
    public String symbol(boolean unicode) {
        return unicode ? symbol : asciiSymbol;
    }

    /** ANSI colour name: default, red, green, yellow, blue, magenta, cyan, white. */
    public String color() {
        return color;
    }

    public String label() {
        return label;
    }
}
