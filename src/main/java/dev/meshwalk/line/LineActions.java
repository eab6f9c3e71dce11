package dev.meshwalk.line;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.meshwalk.core.Action;
import dev.meshwalk.core.ActionPane;
import dev.meshwalk.core.BoardText;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Status;
import dev.meshwalk.graph.render.Glyphs;
import dev.meshwalk.graph.render.MapOptions;
import dev.meshwalk.graph.render.ServiceMapRenderer;
import dev.meshwalk.graph.render.ServiceTable;

/**
 * Line mode's action commands ({@code deploy}, {@code yes}/{@code no}, {@code traffic [n]}, {@code map},
 * {@code metrics}, {@code teardown}, {@code check}). Each posts the same Msgs as the TUI's keys, so the same
 * effects run, then waits on the inbox for their answers and prints each new pane line once. The lines are the
 * TUI's ({@link BoardText#pane}), so both front-ends say the same words.
 */
final class LineActions {

    private static final long WAIT_MINUTES = 15;

    private final BlockingQueue<Msg> inbox;
    private final Consumer<Msg> dispatch;
    private final java.util.function.Supplier<State> state;
    private final PrintWriter out;
    private final int width;

    LineActions(BlockingQueue<Msg> inbox, Consumer<Msg> dispatch, java.util.function.Supplier<State> state,
            PrintWriter out, int width) {
        this.inbox = inbox;
        this.dispatch = dispatch;
        this.state = state;
        this.out = out;
        this.width = width;
    }

    void deploy(Integer chapter) {
        if (chapter != null) {
            dispatch.accept(new Msg.OpenChapter(chapter));
        }
        if (state.get().current() < 0) {
            out.println("Which chapter? Type 'deploy <number>', e.g. 'deploy 0'.");
            return;
        }
        dispatch.accept(new Msg.ShowAction(Action.DEPLOY));
        follow(Action.DEPLOY);
    }

    /** Answers the question the focused pane asks ({@code yes} or {@code no}). */
    void answer(boolean yes) {
        State s = state.get();
        ActionPane pane = s.actions().get(s.focused());
        if (pane.question() == ActionPane.Question.NONE) {
            out.println("Nothing is waiting for an answer.");
            return;
        }
        dispatch.accept(new Msg.KeyPressed(yes ? dev.meshwalk.core.Key.ch('y') : dev.meshwalk.core.Key.ch('n')));
        if (pane.question() != ActionPane.Question.CANCEL_DEPLOY) {
            follow(pane.action());
        }
    }

    void traffic(int count) {
        dispatch.accept(new Msg.ShowAction(Action.TRAFFIC));
        ActionPane last = await(m -> m instanceof Msg.TrafficSampled t && (!t.sample().running() || t.sample().requests() >= count)
                || settledTraffic(m));
        if (last != null && last.status() == Status.IN_PROGRESS) {
            dispatch.accept(new Msg.KeyPressed(dev.meshwalk.core.Key.ch('t'))); // stop
            last = await(m -> m instanceof Msg.TrafficSampled t && !t.sample().running() || settledTraffic(m));
        }
        if (last != null) {
            lines(last).forEach(out::println);
        }
        leave();
    }

    /** The traffic pane was replaced by a final answer (nothing deployed, could not start). */
    private static boolean settledTraffic(Msg m) {
        return m instanceof Msg.ActionPaneChanged p && p.pane().action() == Action.TRAFFIC
                && p.pane().status() != Status.IN_PROGRESS;
    }

    private List<String> lines(ActionPane pane) {
        return BoardText.pane(pane, state.get().unicode());
    }

    void map() {
        dispatch.accept(new Msg.ShowAction(Action.MAP));
        await(m -> m instanceof Msg.GraphLoaded || m instanceof Msg.GraphFailed);
        State s = state.get();
        if (s.map().problem() != null) {
            out.println("The service map could not be fetched: " + s.map().problem());
        } else if (s.map().graph() != null) {
            MapOptions options = MapOptions.defaults().withWidth(width)
                    .withGlyphs(s.unicode() ? Glyphs.UNICODE : Glyphs.ASCII).withLabels(s.map().labels())
                    .withEmptyHint("Start the traffic loop ('traffic') and wait a few seconds.");
            out.print(new ServiceMapRenderer().render(s.map().graph(), options).canvas().toPlainString());
            out.print(new ServiceTable().render(s.map().graph(), options).toPlainString());
        }
        leave();
    }

    void metrics() {
        dispatch.accept(new Msg.ShowAction(Action.METRICS));
        ActionPane p = await(m -> m instanceof Msg.ActionPaneChanged c && c.pane().action() == Action.METRICS
                && c.pane().status() != Status.IN_PROGRESS);
        if (p != null) {
            lines(p).forEach(out::println);
        }
        leave();
    }

    void teardown() {
        dispatch.accept(new Msg.ShowAction(Action.TEARDOWN));
        follow(Action.TEARDOWN);
    }

    void check() {
        if (state.get().current() < 0) {
            out.println("Open a chapter first ('read <n>'): each chapter has its own check.");
            return;
        }
        dispatch.accept(new Msg.KeyPressed(dev.meshwalk.core.Key.ch('V')));
        await(m -> m instanceof Msg.CheckResult);
    }

    /** Prints each new line of the action's pane until it settles (a question, or a final status). */
    private void follow(Action action) {
        Set<String> printed = new HashSet<>();
        ActionPane last = await(m -> {
            if (m instanceof Msg.ForPane p && p.action() == action) {
                ActionPane pane = state.get().actions().get(action);
                List<String> lines = lines(pane);
                boolean settled = pane.status() != Status.IN_PROGRESS || pane.question() != ActionPane.Question.NONE;
                for (int i = 0; i < lines.size(); i++) {
                    // A board's first two lines (header, bar) change on every event: print them once it settles.
                    if ((settled || i >= 2 || lines.size() <= 2 && pane.board() == null) && printed.add(lines.get(i).strip().replaceAll("\\s+", " ")) && !lines.get(i).isBlank()) {
                        out.println(lines.get(i));
                    }
                }
                out.flush();
                return settled;
            }
            return false;
        });
        if (last != null && last.question() != ActionPane.Question.NONE) {
            out.println(last.question().prompt().replace("y/enter", "yes").replace("y =", "yes =")
                    .replace("esc/n", "no").replace("esc =", "no ="));
            out.println("Type 'yes' or 'no'.");
        }
    }

    /** Dispatches inbox Msgs until one matches; returns the focused pane then, or null on timeout. */
    private ActionPane await(Predicate<Msg> done) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(WAIT_MINUTES);
        try {
            while (System.nanoTime() < deadline) {
                Msg m = inbox.poll(200, TimeUnit.MILLISECONDS);
                if (m == null) {
                    continue;
                }
                dispatch.accept(m);
                if (done.test(m)) {
                    return m instanceof Msg.ForPane p ? state.get().actions().get(p.action())
                            : state.get().actions().get(state.get().focused());
                }
            }
            out.println("Gave up waiting after " + WAIT_MINUTES + " minutes.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void leave() {
        dispatch.accept(new Msg.KeyPressed(dev.meshwalk.core.Key.of(dev.meshwalk.core.Key.Kind.ESCAPE)));
    }
}
