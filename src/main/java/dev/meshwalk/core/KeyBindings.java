package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The key table: every key the full-screen tutorial knows, once, with what it does and the words that explain it.
 * {@link Update} handles a key by looking it up here ({@link #dispatch}), the help overlay lists the sections that
 * are active ({@link #help}), and README's key list is rendered from it ({@link KeyList#markdown}, checked by a
 * test), so what the screen promises is what the keys do.
 *
 * <p>Which sections apply depends on the screen ({@link #active}); within them the first row that names the key
 * wins, then the section's "any other key" row if it has one; a key nobody names does nothing.
 */
public final class KeyBindings {

    /** What a key does: pure, like {@link Update}. The key is given for rows with several keys (digits, panes). */
    interface Handler {
        Next apply(State s, Key key);
    }

    /** One row: the keys, what they do in the learner's words, and the handler. */
    public record Binding(List<Key> keys, String meaning, Handler handler) {

        /** The keys as help spells them: "up/k", "PgDn/space/f", "0-9". */
        public String label() {
            return KeyList.label(keys);
        }

        boolean matches(Key key) {
            return keys.contains(key);
        }
    }

    /**
     * A group of rows that apply together; {@code otherKeys} (or null) handles every key no row names, and
     * {@code otherKeysMeaning} says what that does.
     */
    public record Section(String title, List<Binding> bindings, String otherKeysMeaning, Handler otherKeys) {
        public Section {
            bindings = List.copyOf(bindings);
        }

        Section(String title, List<Binding> bindings) {
            this(title, bindings, null, null);
        }
    }

    private static final Object[] DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'};
    private static final Object[] PANES = {'d', 't', 'm', 'c', 'x'};
    private static final String BREAK_IT = "break it: stop a color task under traffic";

    static final Section EVERYWHERE = new Section("Everywhere", List.of(
            row("this help (any key closes it)", (s, k) -> Next.of(s.withOverlay(Overlay.HELP)), '?'),
            row("quit (asks first while something runs)", (s, k) -> Update.requestQuit(s), 'q'),
            row("quit at once (a deploy asks first; twice: quit)", KeyBindings::ctrlC, Key.Kind.CTRL_C)));

    static final Section CHAPTER_LIST = new Section("Chapter list", List.of(
            row("move the selection up", (s, k) -> Next.of(Update.select(s, s.selected() - 1)), Key.Kind.UP, 'k'),
            row("move the selection down", (s, k) -> Next.of(Update.select(s, s.selected() + 1)),
                    Key.Kind.DOWN, 'j', Key.Kind.TAB),
            row("first / last chapter", (s, k) -> Next.of(Update.select(s, k.kind() == Key.Kind.HOME || k.is('g')
                    ? 0 : s.chapters().size() - 1)), Key.Kind.HOME, 'g', Key.Kind.END, 'G'),
            row("select that chapter", Update::selectNumber, DIGITS),
            row("open the selected chapter", (s, k) -> Update.open(s, s.selected()), Key.Kind.ENTER, Key.Kind.RIGHT, 'l'),
            row("teardown: delete what the tutorial created", (s, k) -> ActionKeys.show(s, Action.TEARDOWN), 'x')));

    static final Section LESSON = new Section("Lesson", List.of(
            row("scroll a line up / down", (s, k) -> Update.scrollTo(s, s.scroll() + (up(k) ? -1 : 1)),
                    Key.Kind.UP, Key.Kind.DOWN, 'k', 'j'),
            row("scroll a page up", (s, k) -> Update.scrollTo(s, s.scroll() - Update.lessonPage(s)), Key.Kind.PAGE_UP, 'b'),
            row("scroll a page down", (s, k) -> Update.scrollTo(s, s.scroll() + Update.lessonPage(s)),
                    Key.Kind.PAGE_DOWN, ' ', 'f'),
            row("top / end of the lesson", (s, k) -> Update.scrollTo(s, k.kind() == Key.Kind.HOME || k.is('g')
                    ? 0 : s.maxScroll()), Key.Kind.HOME, 'g', Key.Kind.END, 'G'),
            row("next / previous chapter", (s, k) -> Update.open(s, s.current() + (k.is('n') ? 1 : -1)), 'n', 'p'),
            row("open that chapter", Update::openNumber, DIGITS),
            row("deploy, traffic, map, metrics, teardown pane", (s, k) -> ActionKeys.show(s, Action.forKey(k.ch())), PANES),
            row("check this chapter against the live target", (s, k) -> ActionKeys.verify(s), 'V'),
            row(BREAK_IT, (s, k) -> ActionKeys.breakIt(s), 'B'),
            row("back to the chapter list", (s, k) -> Next.of(Update.backToList(s)),
                    Key.Kind.ESCAPE, Key.Kind.LEFT, Key.Kind.BACKSPACE, 'h')));

    static final Section ACTION_PANES = new Section("Action panes", List.of(
            row("show that pane (again: refresh it)", (s, k) -> ActionKeys.show(s, Action.forKey(k.ch())), PANES),
            row("scroll a long pane back / forward a page", KeyBindings::scrollPane, Key.Kind.PAGE_UP, 'b',
                    Key.Kind.PAGE_DOWN, ' '),
            row("back to the newest lines", (s, k) -> Next.of(s.withPaneScroll(0)), Key.Kind.END),
            row("check this chapter against the live target", (s, k) -> ActionKeys.verify(s), 'V'),
            // In every pane, not only traffic: the lessons say "with the traffic loop running, press B", and a
            // learner often watches the map then.
            row(BREAK_IT, (s, k) -> ActionKeys.breakIt(s), 'B'),
            row("stack parameters (deploy pane)", (s, k) -> ParameterKeys.open(s), 'p'),
            row("open that chapter", ActionKeys::openChapter, DIGITS),
            row("back to the lesson (a running deploy asks first)", (s, k) -> ActionKeys.back(s),
                    Key.Kind.ESCAPE, Key.Kind.BACKSPACE)));

    static final Section TRAFFIC_PANE = new Section("Traffic pane", List.of(
            row("stop / start the traffic loop", (s, k) -> Next.of(s, new Effect.ToggleTraffic()), 't', 's'),
            row("requests faster / slower", (s, k) -> Next.of(s, new Effect.TrafficInterval(k.is('+'))), '+', '-'),
            row("clear front's color history", (s, k) -> ActionKeys.clearColors(s), 'r')));

    static final Section MAP_PANE = new Section("Service map pane", List.of(
            row("time window: 1, 5 or 15 minutes", (s, k) -> ActionKeys.nextWindow(s), 'w'),
            row("edge labels: latency, requests, errors", (s, k) -> Next.of(s.withMap(s.map().nextLabels())), 'l'),
            row("table view / map view", (s, k) -> Next.of(s.withMap(s.map().toggleTable())), 'v'),
            row("pan a map bigger than the pane", ActionKeys::pan,
                    Key.Kind.LEFT, Key.Kind.RIGHT, Key.Kind.UP, Key.Kind.DOWN, 'h', 'L', 'k', 'j'),
            row("focus on a node picked from a list", (s, k) -> Next.of(s.withMap(s.map().openPicker())), 'f')));

    static final Section MAP_FOCUSED = new Section("Service map pane, focused on a node", List.of(
            row("the whole map again", (s, k) -> Next.of(s.withMap(s.map().clearFocus())), Key.Kind.ESCAPE)));

    static final Section NODE_LIST = new Section("Node list (map pane)", List.of(
            row("move up / down", (s, k) -> Next.of(s.withMap(s.map().movePicker(up(k) ? -1 : 1))),
                    Key.Kind.UP, Key.Kind.DOWN, 'k', 'j'),
            row("move a page up / down", (s, k) -> Next.of(s.withMap(s.map().movePicker(
                    (k.kind() == Key.Kind.PAGE_UP ? -1 : 1) * Math.max(1, s.size().rows() - 8)))),
                    Key.Kind.PAGE_UP, Key.Kind.PAGE_DOWN),
            row("first / last row", (s, k) -> Next.of(s.withMap(s.map().movePicker(
                    (k.kind() == Key.Kind.HOME ? -1 : 1) * s.map().pickerRows().size()))), Key.Kind.HOME, Key.Kind.END),
            row("focus the map on that node (first row: the whole map)",
                    (s, k) -> Next.of(s.withMap(s.map().choose())), Key.Kind.ENTER),
            row("close the list, map as it was", (s, k) -> Next.of(s.withMap(s.map().closePicker())),
                    Key.Kind.ESCAPE, 'f')));

    static final Section PARAMETERS = new Section("Stack parameters (deploy pane)", List.of(
            row("move up / down", (s, k) -> ParameterKeys.move(s, up(k) ? -1 : 1), Key.Kind.UP, Key.Kind.DOWN, 'k', 'j'),
            row("edit the value", (s, k) -> ParameterKeys.edit(s), Key.Kind.ENTER, 'e'),
            row("back to the template's default", (s, k) -> ParameterKeys.reset(s), 'u'),
            row("deploy with these values (the preview shows the difference)", (s, k) -> ParameterKeys.deploy(s), 'd'),
            row("close the parameters (they stay set)", (s, k) -> ParameterKeys.close(s), Key.Kind.ESCAPE)));

    static final Section PARAMETER_EDIT = new Section("Typing a parameter value", List.of(
            row("keep the value (a value the template refuses is not kept)", (s, k) -> ParameterKeys.keep(s),
                    Key.Kind.ENTER),
            row("leave the value as it was", (s, k) -> ParameterKeys.cancelEdit(s), Key.Kind.ESCAPE),
            row("delete the last character", ParameterKeys::type, Key.Kind.BACKSPACE)),
            "type into the value", ParameterKeys::type);

    static final Section QUESTION = new Section("A pane's question", List.of(
            row("yes", (s, k) -> ActionKeys.answer(s, true), 'y', 'Y', Key.Kind.ENTER),
            row("no", (s, k) -> ActionKeys.answer(s, false), 'n', 'N', Key.Kind.ESCAPE),
            row("scroll a long preview back / forward", KeyBindings::scrollPane,
                    Key.Kind.PAGE_UP, 'b', Key.Kind.PAGE_DOWN, ' ')));

    static final Section BUSY_STACK = new Section("A stack busy in another operation", List.of(
            row("wait for the operation to end, then plan", (s, k) -> ActionKeys.busyStack(s, Effect.BusyChoice.WAIT),
                    'w', 'W', 'y', 'Y', Key.Kind.ENTER),
            row("cancel its update (CloudFormation rolls back)",
                    (s, k) -> ActionKeys.busyStack(s, Effect.BusyChoice.CANCEL), 'c', 'C'),
            row("leave the stack alone", (s, k) -> ActionKeys.busyStack(s, Effect.BusyChoice.LEAVE), 'n', 'N',
                    Key.Kind.ESCAPE),
            row("scroll the pane back / forward", KeyBindings::scrollPane, Key.Kind.PAGE_UP, Key.Kind.PAGE_DOWN)));

    static final Section TEARDOWN_MENU = new Section("Teardown menu", List.of(
            row("move up / down", (s, k) -> TeardownPicking.move(s, up(k) ? -1 : 1), Key.Kind.UP, Key.Kind.DOWN, 'k', 'j'),
            row("first / last item", (s, k) -> TeardownPicking.move(s, (k.kind() == Key.Kind.HOME ? -1 : 1)
                    * s.teardown().items().size()), Key.Kind.HOME, Key.Kind.END),
            row("pick / unpick the item", (s, k) -> Next.of(s.withTeardown(s.teardown().toggle())), ' '),
            row("pick all / none", (s, k) -> Next.of(s.withTeardown(s.teardown().allOrNone())), 'a'),
            row("delete the picked items", (s, k) -> TeardownPicking.delete(s), 'y', 'Y'),
            row("keep everything", (s, k) -> TeardownPicking.keep(s), Key.Kind.ESCAPE, 'n', 'N'),
            row("(deletes nothing: deleting takes y)", (s, k) -> Next.of(s.withNotice(
                    "Press y to delete the picked items, or esc to keep everything.")), Key.Kind.ENTER),
            row("scroll the pane back / forward", KeyBindings::scrollPane, Key.Kind.PAGE_UP, Key.Kind.PAGE_DOWN)));

    static final Section HELP_SHOWN = new Section("While this help is shown", List.of(
            row("quit (asks first while something runs)", (s, k) -> Update.requestQuit(s.withOverlay(Overlay.NONE)), 'q'),
            row("quit at once", (s, k) -> Next.of(s, new Effect.Quit()), Key.Kind.CTRL_C)),
            "close the help", (s, k) -> Next.of(s.withOverlay(Overlay.NONE)));

    static final Section CONFIRM_QUIT = new Section("Quit anyway?", List.of(
            row("quit", (s, k) -> Next.of(s, new Effect.Quit()), 'y', 'Y', 'q', Key.Kind.CTRL_C)),
            "stay", (s, k) -> Next.of(s.withOverlay(Overlay.NONE)));

    /** Every section, in the order README lists them. */
    public static final List<Section> ALL = List.of(EVERYWHERE, CHAPTER_LIST, LESSON, ACTION_PANES, TRAFFIC_PANE,
            MAP_PANE, MAP_FOCUSED, NODE_LIST, PARAMETERS, PARAMETER_EDIT, QUESTION, BUSY_STACK, TEARDOWN_MENU, HELP_SHOWN, CONFIRM_QUIT);

    private KeyBindings() {
    }

    /** What {@code key} does now: the first active row naming it, else its section's other-keys row, else nothing. */
    static Next dispatch(State s, Key key) {
        for (Section section : active(s)) {
            for (Binding b : section.bindings()) {
                if (b.matches(key)) {
                    return b.handler().apply(s, key);
                }
            }
            if (section.otherKeys() != null) {
                return section.otherKeys().apply(s, key);
            }
        }
        return Next.of(unbound(s, key));
    }

    /**
     * A letter or sign this screen has no use for says so on the status bar (a learner who pressed B on the deploy
     * pane saw nothing happen); other keys (arrows, function keys) stay silent.
     */
    private static State unbound(State s, Key key) {
        if (key.kind() != Key.Kind.CHAR || Character.isISOControl(key.ch()) || Character.isWhitespace(key.ch())) {
            return s;
        }
        return s.withNotice("'" + key.ch() + "' does nothing here; ? lists the keys of this screen.");
    }

    /** The sections that apply on this screen, first match first. */
    public static List<Section> active(State s) {
        if (s.overlay() == Overlay.CONFIRM_QUIT) {
            return List.of(CONFIRM_QUIT);
        }
        if (s.overlay() == Overlay.HELP) {
            return List.of(HELP_SHOWN);
        }
        if (s.view() == View.ACTION && s.focused() == Action.DEPLOY && s.panes().parameters() != null
                && s.panes().parameters().editing() != null) {
            return List.of(PARAMETER_EDIT); // typing: q and ? are characters of the value
        }
        List<Section> out = new ArrayList<>(List.of(EVERYWHERE));
        if (s.size().tooSmall()) {
            return out;
        }
        if (s.view() == View.CHAPTERS) {
            out.add(CHAPTER_LIST);
        } else if (s.view() == View.LESSON) {
            out.add(LESSON);
        } else {
            out.addAll(actionSections(s));
        }
        return out;
    }

    private static List<Section> actionSections(State s) {
        ActionPane.Question question = s.actions().get(s.focused()).question();
        ParameterForm form = s.panes().parameters();
        if (form != null && s.focused() == Action.DEPLOY && question == ActionPane.Question.NONE) {
            return form.editing() != null ? List.of(PARAMETER_EDIT) : List.of(PARAMETERS, ACTION_PANES);
        }
        if (question == ActionPane.Question.TEARDOWN) {
            return List.of(TEARDOWN_MENU);
        } else if (question == ActionPane.Question.STACK_BUSY || question == ActionPane.Question.STACK_BUSY_NO_CANCEL) {
            return List.of(BUSY_STACK);
        } else if (question != ActionPane.Question.NONE) {
            return List.of(QUESTION);
        }
        if (s.focused() == Action.MAP) {
            return s.map().picking() ? List.of(NODE_LIST)
                    : s.map().focus() != null ? List.of(MAP_FOCUSED, MAP_PANE, ACTION_PANES)
                    : List.of(MAP_PANE, ACTION_PANES);
        }
        return s.focused() == Action.TRAFFIC ? List.of(TRAFFIC_PANE, ACTION_PANES) : List.of(ACTION_PANES);
    }

    /**
     * What the help overlay lists over this screen: first the sections that apply (always shown), then the main
     * sections of the other screens (shown when there is room).
     */
    public static Help help(State s) {
        List<Section> now = active(s.withOverlay(Overlay.NONE));
        List<Section> others = new ArrayList<>();
        for (Section main : List.of(CHAPTER_LIST, LESSON, ACTION_PANES)) {
            if (!now.contains(main)) {
                others.add(main);
            }
        }
        return new Help(now, others);
    }

    /** The help overlay's sections: {@code now} apply on this screen, {@code others} elsewhere. */
    public record Help(List<Section> now, List<Section> others) {
    }

    /**
     * One line of key hints for the footer of the screen; every one fits 80 columns, so "? help  q quit" is never
     * cut, and every key it names is bound on that screen (FooterHintsTest).
     */
    public static String footer(State s) {
        if (s.view() == View.ACTION) {
            if (s.actions().get(s.focused()).question() != ActionPane.Question.NONE) {
                return "y/esc answer  PgUp/PgDn scroll  ? help  q quit";
            }
            if (s.focused() == Action.MAP && s.map().picking()) {
                return "up/down move  enter focus  esc close  ? help  q quit";
            }
            if (s.focused() == Action.MAP && s.map().focus() != null) {
                return "d,t,m,c,x panes  w window  l labels  f focus  esc whole map  ? help  q quit";
            }
            ParameterForm form = s.panes().parameters();
            if (form != null && s.focused() == Action.DEPLOY) {
                // typing: q and ? are characters of the value, so neither is offered
                return form.editing() != null ? "enter keep the value  esc leave it as it was  backspace delete"
                        : "up/down move  enter edit  u default  d deploy  esc close  ? help  q quit";
            }
            String own = s.focused() == Action.TRAFFIC ? "t on/off  +/- speed  B break it"
                    : s.focused() == Action.MAP ? "w window  l labels  v table  f focus"
                    : s.focused() == Action.DEPLOY ? "p parameters  V check"
                    : "V check";
            return "d,t,m,c,x panes  " + own + "  esc back  ? help  q quit";
        }
        return s.view() == View.CHAPTERS
                ? "up/down move  0-5 select  enter open  x teardown  ? help  q quit"
                : "j/k scroll  spc page  n/p chapter  d,t,m,c,x actions  esc back  ? help  q quit";
    }

    private static boolean up(Key k) {
        return k.kind() == Key.Kind.UP || k.is('k');
    }

    /** PgUp and b scroll a pane back a page, PgDn and space forward. */
    private static Next scrollPane(State s, Key k) {
        boolean back = k.kind() == Key.Kind.PAGE_UP || k.is('b');
        return ActionKeys.scroll(s, back ? ActionKeys.page(s) : -ActionKeys.page(s));
    }

    private static Next ctrlC(State s, Key key) {
        boolean alreadyAsked = s.actions().get(Action.DEPLOY).question() == ActionPane.Question.CANCEL_DEPLOY;
        // A second Ctrl-C always gets out: the stack goes on in CloudFormation, and the next start watches it.
        if (Update.deploying(s) && !alreadyAsked) {
            // Ctrl-C must not leave a stack half-known: ask whether to roll back or leave it running.
            return Next.of(Update.ask(s.withView(View.ACTION).withFocused(Action.DEPLOY), Action.DEPLOY,
                    ActionPane.Question.CANCEL_DEPLOY));
        }
        return Next.of(s, new Effect.Quit());
    }

    /** A row; each key is a {@link Character} or a {@link Key.Kind}. */
    private static Binding row(String meaning, Handler handler, Object... keys) {
        List<Key> list = new ArrayList<>();
        for (Object k : keys) {
            list.add(k instanceof Character c ? Key.ch(c) : Key.of((Key.Kind) k));
        }
        return new Binding(List.copyOf(list), meaning, handler);
    }
}
