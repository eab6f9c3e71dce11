package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The teardown pane once the learner said yes: deleting the picks (a board when the stack is among them) and the
 * check of what is left, worded here from what the effects report. Pure, like {@link Update}.
 */
final class TeardownReport {

    private TeardownReport() {
    }

    /** Registers the teardown's messages with {@link Update}. */
    static void register(Handlers.Builder<Msg, Update.Step<Msg>> table) {
        Update.on(table, Msg.TeardownStarted.class, (s, m) -> Next.of(started(s, m)));
        Update.on(table, Msg.TeardownVerified.class, (s, m) -> Next.of(verified(s, m)));
        Update.on(table, Msg.TeardownRefused.class, (s, m) -> Next.of(s.withPane(new ActionPane(Action.TEARDOWN,
                Status.FAILED, List.of("Not deleting anything: \"" + m.item().kind()
                        + "\" is not something teardown knows how to remove. Press x to list again.")))));
        Update.on(table, Msg.TeardownFailed.class, (s, m) -> Next.of(s.withPane(new ActionPane(Action.TEARDOWN,
                Status.FAILED, m.listing() ? List.of("Could not list what the tutorial created: " + m.reason())
                        : List.of("Teardown stopped: " + m.reason(), "Press x to see what is left.")))));
    }

    /** With the stack picked, its deletion is followed on a board; otherwise there is no stack operation to chart. */
    private static State started(State s, Msg.TeardownStarted m) {
        String title = "Teardown of " + (m.picked().size() == 1 ? m.picked().get(0).name() : m.picked().size() + " picked items");
        return m.stackPicked() ? BoardUpdate.startOperation(s, Action.TEARDOWN, title)
                : s.withPane(new ActionPane(Action.TEARDOWN, Status.IN_PROGRESS, List.of(title)));
    }

    /** Nothing picked: nothing to do, and the pane says so. */
    static ActionPane nothingPicked() {
        return new ActionPane(Action.TEARDOWN, Status.INFO, List.of("Nothing was picked, so nothing was deleted.",
                "Press x to see the list again."));
    }

    /** The learner kept everything. */
    static ActionPane keptEverything() {
        return new ActionPane(Action.TEARDOWN, Status.INFO, List.of("Kept everything. Press x to see the list again."));
    }

    /**
     * Under the stack's board (or the title and what deleting the other items said): what could not be checked,
     * then the verdict. Ok only when every operation succeeded and nothing picked is left.
     */
    private static State verified(State s, Msg.TeardownVerified m) {
        ActionPane pane = s.actions().get(Action.TEARDOWN);
        List<String> lines = new ArrayList<>();
        if (pane.board() == null) {
            lines.addAll(pane.lines());
            m.notices().forEach(n -> lines.add("  " + n));
        }
        lines.add("");
        m.warnings().forEach(w -> lines.add(Status.WARNING.symbol(s.unicode()) + " " + w)); // parts not checked
        lines.addAll(m.verdict().lines(s.unicode()));
        boolean ok = m.allDeleted() && m.verdict().pickedGone();
        return BoardUpdate.conclude(s, Action.TEARDOWN, ok ? Status.OK : Status.FAILED, lines);
    }
}
