package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The teardown menu's transitions: the inventory arriving, the learner moving and picking, and the answer. Kept
 * apart from {@link ActionKeys} so the menu's keys read on one screen. Pure, like {@link Update}.
 *
 * <p>Keys while {@link ActionPane.Question#TEARDOWN} is asked: up/down or k/j move, space picks or unpicks, a picks
 * all or none, y deletes exactly the picked items, esc/n keeps everything. Enter does not delete: deleting takes
 * the one key the question names.
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

    /** A key while the teardown question is asked. */
    static Next key(State s, ActionPane pane, Key key) {
        TeardownMenu menu = s.teardown();
        switch (key.kind()) {
            case UP:
                return Next.of(s.withTeardown(menu.move(-1)));
            case DOWN:
                return Next.of(s.withTeardown(menu.move(1)));
            case HOME:
                return Next.of(s.withTeardown(menu.move(-menu.items().size())));
            case END:
                return Next.of(s.withTeardown(menu.move(menu.items().size())));
            case PAGE_UP:
                return Next.of(s.withPaneScroll(s.paneScroll() + ActionKeys.page(s)));
            case PAGE_DOWN:
                return Next.of(s.withPaneScroll(s.paneScroll() - ActionKeys.page(s)));
            case ENTER:
                return Next.of(s.withNotice("Press y to delete the picked items, or esc to keep everything."));
            case ESCAPE:
                return keep(s);
            case CHAR:
                break;
            default:
                return Next.of(s);
        }
        switch (key.ch()) {
            case 'k':
                return Next.of(s.withTeardown(menu.move(-1)));
            case 'j':
                return Next.of(s.withTeardown(menu.move(1)));
            case ' ':
                return Next.of(s.withTeardown(menu.toggle()));
            case 'a':
                return Next.of(s.withTeardown(menu.allOrNone()));
            case 'y':
            case 'Y':
                return delete(s);
            case 'n':
            case 'N':
                return keep(s);
            default:
                return Next.of(s);
        }
    }

    private static Next delete(State s) {
        List<TeardownItem> picked = s.teardown().picked();
        State closed = s.withTeardown(TeardownMenu.empty()).withPaneScroll(0);
        if (picked.isEmpty()) {
            return Next.of(closed.withPane(TeardownReport.nothingPicked()));
        }
        ActionPane deleting = new ActionPane(Action.TEARDOWN, Status.IN_PROGRESS, List.of("Deleting " + picked.size()
                + " picked item" + (picked.size() == 1 ? "" : "s") + " ..."));
        return Next.of(closed.withPane(deleting), new Effect.DeletePicked(picked));
    }

    private static Next keep(State s) {
        return Next.of(s.withTeardown(TeardownMenu.empty()).withPane(TeardownReport.keptEverything()).withPaneScroll(0));
    }
}
