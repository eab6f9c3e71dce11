package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The key table written for people: a row's keys as the help overlay spells them, and README's key list (a test
 * checks README holds exactly {@link #markdown()}, so the list there cannot drift from the keys).
 */
public final class KeyList {

    private KeyList() {
    }

    /** The keys of a row: names joined by "/", a run of three or more digits as "0-9". */
    static String label(List<Key> keys) {
        List<String> names = new ArrayList<>();
        int from = 0;
        if (keys.size() >= 4 && keys.subList(0, 4).equals(ARROWS)) {
            names.add("arrows"); // all four, first: one word keeps the help's key column narrow
            from = 4;
        }
        for (int i = from; i < keys.size(); i++) {
            int end = i;
            while (end + 1 < keys.size() && isDigit(keys.get(end)) && keys.get(end + 1).is((char) (keys.get(end).ch() + 1))) {
                end++;
            }
            if (end - i >= 2) {
                names.add(keys.get(i).ch() + "-" + keys.get(end).ch());
                i = end;
            } else {
                names.add(name(keys.get(i)));
            }
        }
        return String.join("/", names);
    }

    private static final List<Key> ARROWS = List.of(Key.of(Key.Kind.LEFT), Key.of(Key.Kind.RIGHT),
            Key.of(Key.Kind.UP), Key.of(Key.Kind.DOWN));

    private static boolean isDigit(Key k) {
        return k.kind() == Key.Kind.CHAR && Character.isDigit(k.ch());
    }

    private static String name(Key k) {
        switch (k.kind()) {
            case CHAR:
                return k.ch() == ' ' ? "space" : String.valueOf(k.ch());
            case ENTER:
                return "enter";
            case ESCAPE:
                return "esc";
            case UP:
                return "up";
            case DOWN:
                return "down";
            case LEFT:
                return "left";
            case RIGHT:
                return "right";
            case PAGE_UP:
                return "PgUp";
            case PAGE_DOWN:
                return "PgDn";
            case HOME:
                return "Home";
            case END:
                return "End";
            case BACKSPACE:
                return "backspace";
            case TAB:
                return "tab";
            case CTRL_C:
                return "ctrl-c";
            default:
                return k.kind().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** README's key list: one paragraph per section of the table, each row as `keys` meaning. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        for (KeyBindings.Section section : KeyBindings.ALL) {
            List<String> rows = new ArrayList<>();
            for (KeyBindings.Binding b : section.bindings()) {
                rows.add("`" + b.label() + "` " + b.meaning());
            }
            if (section.otherKeysMeaning() != null) {
                rows.add("any other key: " + section.otherKeysMeaning());
            }
            out.append("- ").append(section.title()).append(": ").append(String.join("; ", rows)).append(".\n");
        }
        return out.toString();
    }
}
