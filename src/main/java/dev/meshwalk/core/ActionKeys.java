package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;

import dev.meshwalk.content.Chapter;

/**
 * Keys while an action pane fills the body ({@link View#ACTION}), and opening a pane from the lesson. Kept apart
 * from {@link Update} so the reading keys and the action keys can each be read on one screen. Pure, like Update.
 */
final class ActionKeys {

    private ActionKeys() {
    }

    /** Opens an action's pane and asks for the work it shows (plan a deploy, start traffic, fetch the map...). */
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
                    Next started = DeployFlow.start(shown, chapter);
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
                new Effect.Verify(chapter));
    }

    static Next key(State s, Key key) {
        ActionPane pane = s.actions().get(s.focused());
        if (pane.question() != ActionPane.Question.NONE) {
            return answer(s, pane, key);
        }
        switch (key.kind()) {
            case ESCAPE:
            case BACKSPACE:
                if (s.focused() == Action.DEPLOY && Update.deploying(s)) {
                    return Next.of(Update.ask(s, Action.DEPLOY, ActionPane.Question.CANCEL_DEPLOY));
                }
                return close(s);
            case PAGE_UP:
                return Next.of(s.withPaneScroll(s.paneScroll() + page(s)));
            case PAGE_DOWN:
                return Next.of(s.withPaneScroll(s.paneScroll() - page(s)));
            case END:
                return Next.of(s.withPaneScroll(0));
            case LEFT:
                return mapOnly(s, -4, 0);
            case RIGHT:
                return mapOnly(s, 4, 0);
            case UP:
                return mapOnly(s, 0, -2);
            case DOWN:
                return mapOnly(s, 0, 2);
            case CHAR:
                return charKey(s, key.ch());
            default:
                return Next.of(s);
        }
    }

    private static Next charKey(State s, char c) {
        Action action = Action.forKey(c);
        if (action != null) {
            if (action == s.focused() && action == Action.TRAFFIC) {
                return Next.of(s, new Effect.ToggleTraffic());
            }
            // Again in its own pane: refresh (plan again, list again); show() leaves a running or asking pane alone.
            return show(s, action);
        }
        if (c == 'V') {
            return verify(s);
        }
        if (c == ' ' && s.focused() != Action.MAP) {
            return Next.of(s.withPaneScroll(s.paneScroll() - page(s)));
        }
        if (c == 'b' && s.focused() != Action.MAP) {
            return Next.of(s.withPaneScroll(s.paneScroll() + page(s)));
        }
        if (s.focused() == Action.TRAFFIC) {
            if (c == 's') {
                return Next.of(s, new Effect.ToggleTraffic());
            } else if (c == '+') {
                return Next.of(s, new Effect.TrafficInterval(true));
            } else if (c == '-') {
                return Next.of(s, new Effect.TrafficInterval(false));
            } else if (c == 'r') {
                TrafficBoard board = s.trafficBoard();
                if (board == null || !board.sample().running()) {
                    return Next.of(s.withNotice("Start the traffic loop first (t): clearing needs the front endpoint."));
                }
                return Next.of(s, new Effect.ClearColors());
            }
        }
        if (s.focused() == Action.MAP) {
            MapView m = s.map();
            switch (c) {
                case 'w':
                    MapView next = m.nextWindow();
                    return Next.of(s.withMap(next), new Effect.FetchGraph(next.minutes(), true));
                case 'l':
                    return Next.of(s.withMap(m.nextLabels()));
                case 'v':
                    return Next.of(s.withMap(m.toggleTable()));
                case 'h':
                    return mapOnly(s, -4, 0);
                case 'L':
                    return mapOnly(s, 4, 0);
                case 'k':
                    return mapOnly(s, 0, -2);
                case 'j':
                    return mapOnly(s, 0, 2);
                default:
                    break;
            }
        }
        if (Character.isDigit(c)) {
            Next closed = close(s);
            Next opened = Update.apply(closed.state(), new Msg.OpenChapter(c - '0'));
            List<Effect> all = new ArrayList<>(closed.effects());
            all.addAll(opened.effects());
            return new Next(opened.state(), all);
        }
        return Next.of(s);
    }

    private static Next answer(State s, ActionPane pane, Key key) {
        if (pane.question() == ActionPane.Question.TEARDOWN) {
            return TeardownPicking.key(s, pane, key);
        }
        if (pane.question() == ActionPane.Question.STACK_BUSY || pane.question() == ActionPane.Question.STACK_BUSY_NO_CANCEL) {
            return busyStack(s, pane, key);
        }
        // A long preview must be readable before answering: scrolling keys still scroll.
        if (key.kind() == Key.Kind.PAGE_UP || key.is('b')) {
            return Next.of(s.withPaneScroll(s.paneScroll() + page(s)));
        }
        if (key.kind() == Key.Kind.PAGE_DOWN || key.is(' ')) {
            return Next.of(s.withPaneScroll(s.paneScroll() - page(s)));
        }
        boolean yes = key.is('y') || key.is('Y') || key.kind() == Key.Kind.ENTER;
        boolean no = key.is('n') || key.is('N') || key.kind() == Key.Kind.ESCAPE;
        if (!yes && !no) {
            return Next.of(s);
        }
        State answered = s.withPane(pane.asking(ActionPane.Question.NONE)).withPaneScroll(0);
        return DeployFlow.answer(answered, pane.question(), yes);
    }

    /** Wait (w, enter, y), cancel the running update (c, only when it is one) or leave the stack alone (esc, n). */
    private static Next busyStack(State s, ActionPane pane, Key key) {
        Effect.BusyChoice choice = null;
        if (key.is('w') || key.is('W') || key.is('y') || key.is('Y') || key.kind() == Key.Kind.ENTER) {
            choice = Effect.BusyChoice.WAIT;
        } else if (key.is('n') || key.is('N') || key.kind() == Key.Kind.ESCAPE) {
            choice = Effect.BusyChoice.LEAVE;
        } else if (key.is('c') || key.is('C')) {
            if (pane.question() != ActionPane.Question.STACK_BUSY) {
                return Next.of(s.withNotice("Only an update (UPDATE_IN_PROGRESS) can be cancelled; this operation"
                        + " has to run to its end. w waits for it, esc leaves it."));
            }
            choice = Effect.BusyChoice.CANCEL;
        } else if (key.kind() == Key.Kind.PAGE_UP || key.kind() == Key.Kind.PAGE_DOWN) {
            int delta = key.kind() == Key.Kind.PAGE_UP ? page(s) : -page(s);
            return Next.of(s.withPaneScroll(s.paneScroll() + delta));
        }
        if (choice == null) {
            return Next.of(s);
        }
        return DeployFlow.busyAnswer(s.withPane(pane.asking(ActionPane.Question.NONE)).withPaneScroll(0), choice);
    }

    /** A page of the action pane: the body minus the tab row and the question line. */
    static int page(State s) {
        return Math.max(1, s.size().rows() - 7);
    }

    private static Next mapOnly(State s, int dx, int dy) {
        if (s.focused() != Action.MAP) {
            return Next.of(s);
        }
        return Next.of(s.withMap(s.map().pan(dx, dy)));
    }

    private static Next close(State s) {
        View back = s.currentChapter() != null && s.current() >= 0 ? View.LESSON : View.CHAPTERS;
        State closed = s.withView(back);
        return s.focused() == Action.MAP ? Next.of(closed, new Effect.StopGraphRefresh()) : Next.of(closed);
    }

    private static String chapterId(State s) {
        Chapter ch = s.currentChapter();
        return ch == null || s.current() < 0 ? null : ch.id();
    }
}
