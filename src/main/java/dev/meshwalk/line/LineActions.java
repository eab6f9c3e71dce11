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
import dev.meshwalk.core.ForPane;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Status;
import dev.meshwalk.core.TeardownItem;
import dev.meshwalk.graph.render.Glyphs;
import dev.meshwalk.graph.render.MapOptions;
import dev.meshwalk.graph.render.ServiceMapRenderer;
import dev.meshwalk.graph.render.ServiceTable;

/**
 * Line mode's action commands ({@code deploy}, {@code yes}/{@code no}, {@code wait}/{@code cancel} for a busy
 * stack, {@code traffic [n]}, {@code map}, {@code metrics}, {@code teardown} with its picks ({@code 1 3},
 * {@code all}, {@code none}), {@code check}). Each posts the same Msgs as the TUI's keys, so the same
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
        if (pane.question() != ActionPane.Question.CANCEL_DEPLOY && !answeredByTheCore(pane)) {
            follow(pane.action());
        }
    }

    /**
     * Whether the core answered on its own (declining the costs, keeping everything, nothing picked): the pane then
     * settled at once without asking the effects, so its lines are printed now instead of waited for.
     */
    private boolean answeredByTheCore(ActionPane asked) {
        ActionPane now = state.get().actions().get(asked.action());
        boolean settled = now.status() != Status.IN_PROGRESS && now.question() == ActionPane.Question.NONE;
        if (!settled || now.equals(asked.asking(ActionPane.Question.NONE))) {
            return false;
        }
        lines(now).forEach(out::println);
        return true;
    }

    /** A busy stack: {@code wait} for it (then plan), or {@code cancel} its update (then wait for the rollback). */
    void busyStack(boolean cancel) {
        ActionPane pane = state.get().actions().get(Action.DEPLOY);
        if (pane.question() != ActionPane.Question.STACK_BUSY && pane.question() != ActionPane.Question.STACK_BUSY_NO_CANCEL) {
            out.println("No stack is busy right now: 'wait' and 'cancel' answer a deploy that found its stack busy.");
            return;
        }
        dispatch.accept(new Msg.KeyPressed(dev.meshwalk.core.Key.ch(cancel ? 'c' : 'w')));
        if (state.get().actions().get(Action.DEPLOY).question() == ActionPane.Question.NONE) {
            follow(Action.DEPLOY);
        }
    }

    /** Whether the teardown menu waits for picks, so a line like {@code 1 3} means items rather than a command. */
    boolean picking() {
        return state.get().actions().get(Action.TEARDOWN).question() == ActionPane.Question.TEARDOWN;
    }

    /** {@code 1 3}, {@code 1,3}, {@code all} or {@code none}: picks exactly those items, then shows the menu again. */
    void pick(String text) {
        if (!picking()) {
            out.println("Nothing to pick from: type 'teardown' to list what the tutorial created.");
            return;
        }
        int size = state.get().teardown().items().size();
        java.util.Optional<Set<Integer>> indexes = TeardownPicks.parse(text, size);
        if (indexes.isEmpty()) {
            String range = size == 1 ? "there is only item 1" : "the items are 1-" + size;
            out.println("Pick items by number, e.g. '1 3' (" + range + "), or 'all' or 'none'. Nothing was changed.");
            return;
        }
        dispatch.accept(new Msg.TeardownPicked(indexes.get()));
        printMenu();
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

    /**
     * Break it: runs the traffic loop, stops one color task under it once answers arrive, waits for ECS to replace
     * the task and for {@code after} more answers, then stops the loop and prints the pane with the stop marked.
     */
    void breakIt(int after) {
        dispatch.accept(new Msg.ShowAction(Action.TRAFFIC));
        ActionPane last = await(m -> m instanceof Msg.TrafficSampled t && (!t.sample().running() || t.sample().requests() >= 5)
                || settledTraffic(m));
        if (last == null || last.status() != Status.IN_PROGRESS) {
            if (last != null) {
                lines(last).forEach(out::println);
            }
            leave();
            return;
        }
        dispatch.accept(new Msg.KeyPressed(dev.meshwalk.core.Key.ch('B')));
        Msg[] outcome = new Msg[1];
        await(m -> {
            boolean settled = m instanceof Msg.ColorTaskReplaced || m instanceof Msg.BreakItFailed;
            if (settled) {
                outcome[0] = m;
            }
            return settled;
        });
        if (outcome[0] instanceof Msg.ColorTaskReplaced) {
            long until = state.get().trafficBoard().sample().requests() + after;
            await(m -> m instanceof Msg.TrafficSampled t && (!t.sample().running() || t.sample().requests() >= until));
        }
        dispatch.accept(new Msg.KeyPressed(dev.meshwalk.core.Key.ch('t'))); // stop
        last = await(m -> m instanceof Msg.TrafficSampled t && !t.sample().running() || settledTraffic(m));
        if (last != null) {
            lines(last).forEach(out::println);
        }
        leave();
    }

    /** The traffic pane was replaced by a final answer (nothing deployed, could not start, no target). */
    private static boolean settledTraffic(Msg m) {
        return m instanceof Msg.TrafficNoEndpoint || m instanceof Msg.TrafficFailed
                || m instanceof Msg.TargetUnavailable u && u.action() == Action.TRAFFIC;
    }

    /** The pane's lines, with the keys its hints name turned into this mode's commands ({@link LineWords}). */
    private List<String> lines(ActionPane pane) {
        return BoardText.pane(pane, state.get().unicode()).stream().map(LineWords::commands).toList();
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
        ActionPane p = await(m -> m instanceof ForPane f && f.action() == Action.METRICS
                && state.get().actions().get(Action.METRICS).status() != Status.IN_PROGRESS);
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
        await(m -> m instanceof Msg.CheckResult || m instanceof Msg.CheckRead);
    }

    /**
     * Prints each new line of the action's pane until it settles (a question, or a final status). Watches the
     * pane in State rather than one kind of Msg, so panes the core composes (the teardown menu) count too.
     */
    private void follow(Action action) {
        Set<String> printed = new HashSet<>();
        ActionPane[] seen = {state.get().actions().get(action)};
        boolean arrived = null != await(m -> {
            ActionPane pane = state.get().actions().get(action);
            if (pane != seen[0]) {
                seen[0] = pane;
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
        if (arrived && seen[0].question() != ActionPane.Question.NONE) {
            printQuestion(seen[0].question());
        }
    }

    private void printQuestion(ActionPane.Question question) {
        switch (question) {
            case TEARDOWN -> printMenu();
            case STACK_BUSY -> out.println("Type 'wait' to wait for it, 'cancel' to cancel that update (CloudFormation"
                    + " rolls back), or 'no' to leave it.");
            case STACK_BUSY_NO_CANCEL -> out.println("Type 'wait' to wait for it, or 'no' to leave it (it cannot be cancelled).");
            default -> {
                out.println(question.prompt().replace("y/enter", "yes").replace("y =", "yes =")
                        .replace("esc/n", "no").replace("esc =", "no ="));
                out.println("Type 'yes' or 'no'.");
            }
        }
        out.flush();
    }

    /** The teardown menu as numbered lines, then how to pick and confirm. */
    private void printMenu() {
        List<TeardownItem> items = state.get().teardown().items();
        for (int i = 0; i < items.size(); i++) {
            out.printf("  %d. %s %s%n", i + 1, items.get(i).box(), items.get(i).describe());
        }
        int picked = state.get().teardown().picked().size();
        out.println(picked == 0 ? "Nothing is picked." : "Delete the " + picked + " picked item" + (picked == 1 ? "" : "s") + "?");
        out.println("Type 'yes' to delete the picked items, numbers to pick only those (e.g. '1 3'), 'all', 'none',"
                + " or 'no' to keep everything.");
        out.flush();
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
                    return m instanceof ForPane p ? state.get().actions().get(p.action())
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
