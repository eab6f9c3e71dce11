package dev.meshwalk.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.meshwalk.core.Action;
import dev.meshwalk.core.ActionPane;
import dev.meshwalk.core.BoardText;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.Key;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.Next;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Update;

/**
 * Drives real effects through the pure core as a front-end does: every Msg the effects post is folded into the
 * State by {@link Update}, and every effect the core asks for is run. Tests press keys as a learner would and wait
 * for the panes the learner would see.
 */
public final class CoreDriver {

    private final BlockingQueue<Msg> inbox;
    private final Consumer<Effect> effects;
    private final List<ActionPane> seen = new ArrayList<>();
    private State state;

    public CoreDriver(State initial, BlockingQueue<Msg> inbox, Consumer<Effect> effects) {
        this.state = initial;
        this.inbox = inbox;
        this.effects = effects;
    }

    /** The actions' effects run by {@code actions}; the rest (saving progress) is not these tests' business. */
    public static Consumer<Effect> actionsOf(dev.meshwalk.effects.ActionEffects actions) {
        return e -> {
            if (actions.kinds().contains(e.getClass())) {
                actions.run(e);
            }
        };
    }

    public State state() {
        return state;
    }

    /** The action's pane now. */
    public ActionPane pane(Action action) {
        return state.actions().get(action);
    }

    /** The pane's text as both front-ends show it: its board (if any), then its lines. */
    public List<String> text(Action action) {
        return BoardText.pane(pane(action), state.unicode());
    }

    /** Every pane the learner saw, in order (each change of any action's pane). */
    public List<ActionPane> seen() {
        return seen;
    }

    public void send(Msg msg) {
        List<ActionPane> before = new ArrayList<>(state.actions().values());
        Next next = Update.apply(state, msg);
        state = next.state();
        state.actions().values().stream().filter(p -> !before.contains(p)).forEach(seen::add);
        next.effects().forEach(effects);
    }

    public void key(char c) {
        send(new Msg.KeyPressed(Key.ch(c)));
    }

    /** Waits until the action's pane changes into one that matches; a failed pane that does not match fails. */
    public ActionPane awaitPane(Action action, Predicate<ActionPane> wanted, Duration limit) throws InterruptedException {
        ActionPane[] last = {pane(action)};
        await(m -> {
            ActionPane now = pane(action);
            boolean changed = now != last[0];
            last[0] = now;
            if (changed && !wanted.test(now) && now.status() == dev.meshwalk.core.Status.FAILED) {
                throw new AssertionError("the " + action + " pane failed: " + String.join("\n", text(action)));
            }
            return changed && wanted.test(now);
        }, limit);
        return last[0];
    }

    /** Waits for the first Msg of this type, folding every Msg on the way. */
    public <T extends Msg> T await(Class<T> type, Duration limit) throws InterruptedException {
        return type.cast(await(type::isInstance, limit));
    }

    /** Folds Msgs until one matches; fails after {@code limit}, naming what arrived. */
    public Msg await(Predicate<Msg> wanted, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<String> arrived = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Msg m = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (m != null) {
                arrived.add(m.getClass().getSimpleName());
                send(m);
                if (wanted.test(m)) {
                    return m;
                }
            }
        }
        throw new AssertionError("nothing matching in " + limit.toSeconds() + " s; arrived: " + arrived);
    }
}
