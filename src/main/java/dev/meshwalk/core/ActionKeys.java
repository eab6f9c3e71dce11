package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;

import dev.meshwalk.content.Chapter;

/**
 * What the action panes' keys do ({@link KeyBindings} says which key does what), and opening a pane from the
 * lesson. Pure, like {@link Update}.
 */
final class ActionKeys {

    private ActionKeys() {
    }

    /**
     * Opens an action's pane and asks for the work it shows (plan a deploy, start traffic, fetch the map...). A
     * deploy or a teardown that starts clears the status bar's notice: it spoke of the target as it was (a
     * check's verdict, a failed step), and the work about to change the target makes it stale.
     */
    static Next show(State s, Action action) {
        List<Effect> effects = new ArrayList<>();
        if (s.view() == View.ACTION && s.focused() == Action.MAP && action != Action.MAP) {
            effects.add(new Effect.StopGraphRefresh());
        }
        State shown = s.withView(View.ACTION).withOverlay(Overlay.NONE).withFocused(action).withPaneScroll(0);
        ActionPane pane = s.actions().get(action);
        boolean busy = pane.status() == Status.IN_PROGRESS || pane.question() != ActionPane.Question.NONE;
        switch (action) {
            case DEPLOY:
                if (!busy) {
                    String chapter = chapterId(s);
                    if (chapter == null) {
                        return new Next(shown.withView(s.view()).withNotice("Open a chapter first: deploy works on the chapter you are reading."), effects);
                    }
                    Next started = DeployFlow.start(shown.withNotice(null), chapter);
                    shown = started.state();
                    effects.addAll(started.effects());
                }
                break;
            case TRAFFIC:
                if (pane.status() != Status.IN_PROGRESS) {
                    effects.add(new Effect.ToggleTraffic());
                }
                break;
            case MAP:
                effects.add(new Effect.FetchGraph(s.map().minutes(), true));
                break;
            case METRICS:
                shown = shown.withPane(new ActionPane(Action.METRICS, Status.IN_PROGRESS,
                        List.of("Fetching the chapter's metrics ...")));
                effects.add(new Effect.FetchMetrics(chapterId(s) == null ? "0-prelude" : chapterId(s)));
                break;
            case TEARDOWN:
                if (!busy) {
                    shown = shown.withNotice(null);
                    effects.add(new Effect.TeardownInventory());
                }
                break;
            default:
                break;
        }
        return new Next(shown, effects);
    }

    /** Runs the open chapter's check against the live target. */
    static Next verify(State s) {
        String chapter = chapterId(s);
        if (chapter == null) {
            return Next.of(s.withNotice("Open a chapter first: each chapter has its own check."));
        }
        return Next.of(s.withNotice("Checking chapter " + chapter + " against the live target ..."),
                new Effect.Verify(chapter, ChapterChecks.graphMinutes(chapter)));
    }

    /** Esc in a pane: back to where the learner came from; a running deploy asks first whether to cancel it. */
    static Next back(State s) {
        if (s.focused() == Action.DEPLOY && Update.deploying(s)) {
            return Next.of(Update.ask(s, Action.DEPLOY, ActionPane.Question.CANCEL_DEPLOY));
        }
        return close(s);
    }

    /** Scrolls the pane {@code lines} further back (negative: forward, towards the newest). */
    static Next scroll(State s, int lines) {
        return Next.of(s.withPaneScroll(s.paneScroll() + lines));
    }

    /** A digit in a pane: close it and open that chapter. */
    static Next openChapter(State s, Key key) {
        Next closed = close(s);
        Next opened = Update.apply(closed.state(), new Msg.OpenChapter(key.ch() - '0'));
        List<Effect> all = new ArrayList<>(closed.effects());
        all.addAll(opened.effects());
        return new Next(opened.state(), all);
    }

    /** The map's next time window, fetched at once. */
    static Next nextWindow(State s) {
        MapView next = s.map().nextWindow();
        return Next.of(s.withMap(next), new Effect.FetchGraph(next.minutes(), true));
    }

    /** Pans the map: arrows, or h/L/k/j. */
    static Next pan(State s, Key key) {
        boolean left = key.kind() == Key.Kind.LEFT || key.is('h');
        boolean right = key.kind() == Key.Kind.RIGHT || key.is('L');
        boolean up = key.kind() == Key.Kind.UP || key.is('k');
        return Next.of(s.withMap(s.map().pan(left ? -4 : right ? 4 : 0, left || right ? 0 : up ? -2 : 2)));
    }

    /** Yes or no to the focused pane's question; {@link DeployFlow#answer} decides what follows. */
    static Next answer(State s, boolean yes) {
        ActionPane pane = s.actions().get(s.focused());
        State answered = s.withPane(pane.asking(ActionPane.Question.NONE)).withPaneScroll(0);
        return DeployFlow.answer(answered, pane.question(), yes);
    }

    /** Clears front's color history; only a running loop knows the front endpoint. */
    static Next clearColors(State s) {
        TrafficBoard board = s.trafficBoard();
        if (board == null || !board.sample().running()) {
            return Next.of(s.withNotice("Start the traffic loop first (t): clearing needs the front endpoint."));
        }
        return Next.of(s, new Effect.ClearColors());
    }

    /**
     * Break it: stops one color task under the running traffic loop and shows the traffic pane, where the moment is
     * marked. Without a running loop there is nothing to watch, so the loop starts first and the learner presses
     * again once answers arrive.
     */
    static Next breakIt(State s) {
        State traffic = s.withView(View.ACTION).withOverlay(Overlay.NONE).withFocused(Action.TRAFFIC).withPaneScroll(0);
        List<Effect> effects = new ArrayList<>();
        if (s.view() == View.ACTION && s.focused() == Action.MAP) {
            effects.add(new Effect.StopGraphRefresh());
        }
        TrafficBoard board = s.trafficBoard();
        if (board == null || !board.sample().running()) {
            effects.add(new Effect.ToggleTraffic());
            return new Next(traffic.withNotice("Starting the traffic loop: press B again once answers arrive, to stop"
                    + " a color task under traffic."), effects);
        }
        if (board.mark() != null && board.mark().recovered().isEmpty()) {
            return new Next(traffic.withNotice("ECS is still replacing the task stopped a moment ago; wait until the"
                    + " pane says it is back to its desired count."), effects);
        }
        effects.add(new Effect.StopColorTask());
        return new Next(traffic.withNotice("Stopping one color task (ECS StopTask) ..."), effects);
    }

    /** Wait for a busy stack, cancel its update (only when it is one) or leave it alone. */
    static Next busyStack(State s, Effect.BusyChoice choice) {
        ActionPane pane = s.actions().get(s.focused());
        if (choice == Effect.BusyChoice.CANCEL && pane.question() != ActionPane.Question.STACK_BUSY) {
            return Next.of(s.withNotice("Only an update (UPDATE_IN_PROGRESS) can be cancelled; this operation"
                    + " has to run to its end. w waits for it, esc leaves it."));
        }
        return DeployFlow.busyAnswer(s.withPane(pane.asking(ActionPane.Question.NONE)).withPaneScroll(0), choice);
    }

    /** A page of the action pane: the body minus the tab row and the question line. */
    static int page(State s) {
        return Math.max(1, s.size().rows() - 7);
    }

    private static Next close(State s) {
        View back = s.currentChapter() != null && s.current() >= 0 ? View.LESSON : View.CHAPTERS;
        State closed = s.withView(back);
        return s.focused() == Action.MAP ? Next.of(closed, new Effect.StopGraphRefresh()) : Next.of(closed);
    }

    static String chapterId(State s) {
        Chapter ch = s.currentChapter();
        return ch == null || s.current() < 0 ? null : ch.id();
    }
}
