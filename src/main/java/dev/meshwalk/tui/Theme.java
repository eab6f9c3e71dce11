package dev.meshwalk.tui;

import java.util.EnumSet;
import java.util.Set;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;

import dev.meshwalk.content.Style;
import dev.meshwalk.core.Status;

/**
 * Maps the renderer's semantic styles and the status colours to screen attributes. With {@code NO_COLOR} every
 * colour is dropped and meaning is carried by bold, underline, reverse and the status symbols alone.
 */
final class Theme {

    private final boolean color;

    Theme(boolean color) {
        this.color = color;
    }

    boolean color() {
        return color;
    }

    Attr bar() {
        return color ? new Attr(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.BLUE, Set.of(SGR.BOLD))
                : new Attr(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, Set.of(SGR.REVERSE));
    }

    Attr statusBar() {
        return color ? new Attr(TextColor.ANSI.BLACK, TextColor.ANSI.WHITE, Set.of())
                : new Attr(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, Set.of(SGR.REVERSE));
    }

    Attr notice() {
        return color ? new Attr(TextColor.ANSI.RED, TextColor.ANSI.WHITE, Set.of(SGR.BOLD))
                : new Attr(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, Set.of(SGR.REVERSE, SGR.BOLD));
    }

    Attr dim() {
        return color ? fg(TextColor.ANSI.BLACK_BRIGHT) : Attr.PLAIN;
    }

    Attr bold() {
        return new Attr(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, Set.of(SGR.BOLD));
    }

    Attr selected() {
        return new Attr(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, Set.of(SGR.REVERSE, SGR.BOLD));
    }

    Attr border() {
        return color ? fg(TextColor.ANSI.CYAN) : Attr.PLAIN;
    }

    Attr status(Status status) {
        if (!color || "default".equals(status.color())) {
            return status == Status.FAILED ? bold() : Attr.PLAIN;
        }
        return fg(ansi(status.color())).with(SGR.BOLD);
    }

    Attr of(Set<Style> styles) {
        TextColor fg = TextColor.ANSI.DEFAULT;
        EnumSet<SGR> sgr = EnumSet.noneOf(SGR.class);
        if (styles.contains(Style.BOLD) || styles.contains(Style.HEADING) || styles.contains(Style.TABLE_HEADER)) {
            sgr.add(SGR.BOLD);
        }
        if (styles.contains(Style.ITALIC) || styles.contains(Style.QUOTE)) {
            sgr.add(SGR.ITALIC);
        }
        if (styles.contains(Style.LINK)) {
            sgr.add(SGR.UNDERLINE);
        }
        if (color) {
            if (styles.contains(Style.HEADING)) {
                fg = TextColor.ANSI.CYAN_BRIGHT;
            } else if (styles.contains(Style.CODE)) {
                fg = TextColor.ANSI.YELLOW;
            } else if (styles.contains(Style.CODE_BLOCK)) {
                fg = TextColor.ANSI.GREEN;
            } else if (styles.contains(Style.LINK)) {
                fg = TextColor.ANSI.BLUE_BRIGHT;
            } else if (styles.contains(Style.DIM) || styles.contains(Style.TABLE_BORDER)) {
                fg = TextColor.ANSI.BLACK_BRIGHT;
            } else if (styles.contains(Style.BULLET)) {
                fg = TextColor.ANSI.CYAN;
            }
        }
        return new Attr(fg, TextColor.ANSI.DEFAULT, sgr);
    }

    /** A service-map cell's semantic style; without colour the map's glyphs carry the meaning. */
    Attr map(dev.meshwalk.graph.render.Style style) {
        switch (style) {
            case STRONG:
                return bold();
            case FAINT:
                return color ? fg(TextColor.ANSI.BLACK_BRIGHT) : Attr.PLAIN;
            case TAG:
                return color ? fg(TextColor.ANSI.CYAN) : Attr.PLAIN;
            case OK:
                return color ? fg(TextColor.ANSI.GREEN) : Attr.PLAIN;
            case CLIENT_ERROR:
                return color ? fg(TextColor.ANSI.YELLOW) : Attr.PLAIN;
            case FAULT:
                return color ? fg(TextColor.ANSI.RED) : Attr.PLAIN;
            case THROTTLE:
                return color ? fg(TextColor.ANSI.MAGENTA) : Attr.PLAIN;
            default:
                return Attr.PLAIN;
        }
    }

    private static Attr fg(TextColor c) {
        return new Attr(c, TextColor.ANSI.DEFAULT, Set.of());
    }

    private static TextColor ansi(String name) {
        switch (name) {
            case "red": return TextColor.ANSI.RED;
            case "green": return TextColor.ANSI.GREEN;
            case "yellow": return TextColor.ANSI.YELLOW;
            case "blue": return TextColor.ANSI.BLUE_BRIGHT;
            case "magenta": return TextColor.ANSI.MAGENTA;
            case "cyan": return TextColor.ANSI.CYAN;
            case "white": return TextColor.ANSI.WHITE;
            default: return TextColor.ANSI.DEFAULT;
        }
    }
}
