package dev.meshwalk.core;

import java.util.List;

/**
 * The keys, described once: the help overlay and the footers read them from here, and {@link Update} implements
 * them, so what the screen promises is what the keys do.
 */
public final class KeyBindings {

    public record Binding(String keys, String meaning) {
    }

    private KeyBindings() {
    }

    public static List<Binding> chapterList() {
        return List.of(
                new Binding("up/down, j/k", "move the selection"),
                new Binding("0-9", "select that chapter"),
                new Binding("enter, l", "open the selected chapter"),
                new Binding("x", "teardown: delete what the tutorial created"));
    }

    public static List<Binding> lesson() {
        return List.of(
                new Binding("up/down, j/k", "scroll a line"),
                new Binding("PgUp/PgDn, space, b", "scroll a page"),
                new Binding("g / G", "top / end of the lesson"),
                new Binding("n / p", "next / previous chapter"),
                new Binding("0-9", "open that chapter"),
                new Binding("d t m c x", "deploy, traffic, map, metrics, teardown pane"),
                new Binding("V", "check this chapter against the live target"),
                new Binding("esc, h", "back to the chapter list"));
    }

    public static List<Binding> actions() {
        return List.of(
                new Binding("d t m c x", "switch pane (again: refresh; t again: stop/start traffic)"),
                new Binding("y/enter, esc/n", "answer the pane's question"),
                new Binding("up/down j/k, space, a", "teardown: move, pick/unpick, all/none (y deletes the picked)"),
                new Binding("w / c", "busy stack: wait for it / cancel its update"),
                new Binding("PgUp/PgDn, b/space, End", "scroll a long pane back / forward / to the newest"),
                new Binding("+ / -  r", "traffic: faster / slower, clear front's history"),
                new Binding("w  l  v", "map: window 1/5/15 min, edge labels, table view"),
                new Binding("arrows, h j k L", "map: pan when it is bigger than the pane"),
                new Binding("esc", "back to the lesson (traffic keeps running)"));
    }

    public static List<Binding> everywhere() {
        return List.of(
                new Binding("?", "this help (any key closes it)"),
                new Binding("q", "quit (asks first while something runs)"),
                new Binding("ctrl-c", "quit at once"));
    }

    /** One line of key hints for the footer of a view; every one fits 80 columns, so "? help  q quit" is never cut. */
    public static String footer(View view) {
        return footer(view, null);
    }

    /** The footer, with the focused pane's own keys when an action pane is shown. */
    public static String footer(View view, Action focused) {
        if (view == View.ACTION) {
            String own = focused == Action.TRAFFIC ? "t on/off  +/- speed  r clear"
                    : focused == Action.MAP ? "w window  l labels  v table"
                    : "y/esc answer  V check";
            return "d,t,m,c,x panes  " + own + "  esc back  ? help  q quit";
        }
        return view == View.CHAPTERS
                ? "up/down move  0-5 select  enter open  x teardown  ? help  q quit"
                : "j/k scroll  spc page  n/p chapter  d,t,m,c,x actions  esc back  ? help  q quit";
    }
}
