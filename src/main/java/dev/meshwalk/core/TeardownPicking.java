package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The teardown menu's transitions: the inventory arriving, the learner moving and picking, and the answer. Kept
 * apart from {@link ActionKeys} so the menu's keys read on one screen. Pure, like {@link Update}.
 *
 * <p>The keys while {@link ActionPane.Question#TEARDOWN} is asked are in {@link KeyBindings}' teardown menu; enter
 * does not delete there: deleting takes the one key the question names.
 */
final class TeardownPicking {

    private TeardownPicking() {
    }

    /** The inventory arrived: every item picked; the pane asks, or says plainly that nothing is left. */
    static Next listed(State s, Msg.TeardownListed listed) {
        List<String> lines = new ArrayList<>();
        if (listed.items().isEmpty()) {
            listed.warnings().forEach(w -> lines.add(Status.WARNING.symbol(s.unicode()) + " " + w));
            lines.add(Status.OK.symbol(s.unicode()) + " Nothing the tutorial created is left on this target.");
            return Next.of(s.withTeardown(TeardownMenu.empty())
                    .withPane(new ActionPane(Action.TEARDOWN, Status.OK, lines)));
        }
        lines.add("What the tutorial created on this target; the picked items [x] are deleted:");
        listed.warnings().forEach(w -> lines.add(Status.WARNING.symbol(s.unicode()) + " " + w));
        return Next.of(s.withTeardown(TeardownMenu.allPicked(listed.items())).withPaneScroll(0)
                .withPane(new ActionPane(Action.TEARDOWN, Status.WARNING, lines, ActionPane.Question.TEARDOWN)));
    }

    /** Line mode's {@code 1 3} / {@code all} / {@code none}: pick exactly those. */
    static Next pickOnly(State s, Msg.TeardownPicked p) {
        if (s.actions().get(Action.TEARDOWN).question() != ActionPane.Question.TEARDOWN) {
            return Next.of(s.withNotice("Nothing to pick from: list what the tutorial created first (teardown)."));
        }
        return Next.of(s.withTeardown(s.teardown().pickOnly(p.indexes())));
    }

    /** Moves the menu's cursor by {@code delta} rows (clamped to the list). */
    static Next move(State s, int delta) {
        return Next.of(s.withTeardown(s.teardown().move(delta)));
    }

    /** Deletes exactly the picked items (nothing picked: the question closes, nothing is deleted). */
    static Next delete(State s) {
        List<TeardownItem> picked = s.teardown().picked();
        State closed = s.withTeardown(TeardownMenu.empty()).withPaneScroll(0);
        if (picked.isEmpty()) {
            return Next.of(closed.withPane(TeardownReport.nothingPicked()));
        }
        ActionPane deleting = new ActionPane(Action.TEARDOWN, Status.IN_PROGRESS, List.of("Deleting " + picked.size()
                + " picked item" + (picked.size() == 1 ? "" : "s") + " ..."));
        return Next.of(closed.withPane(deleting), new Effect.DeletePicked(picked));
    }

    /** Keeps everything: the menu closes, and the pane says so (nothing to do for the effects). */
    static Next keep(State s) {
        return Next.of(s.withTeardown(TeardownMenu.empty()).withPane(TeardownReport.keptEverything()).withPaneScroll(0));
    }
}
