package dev.meshwalk.effects;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.StackInfo;
import dev.meshwalk.cloud.Stacks;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.Msg;
import dev.meshwalk.traffic.FrontClient;
import dev.meshwalk.traffic.TrafficEvent;
import dev.meshwalk.traffic.TrafficLoop;

/**
 * The traffic flow: starts and stops the curl loop against the front endpoint, changes its pace, clears front's
 * history, and samples its numbers for the pane twice a second. Confined to the one {@code actions-queries} thread:
 * every method runs there (the others hand work over with {@code queries.execute}), so its fields need no locks.
 * The loop itself sends from its own thread and reports each answer through {@link #answered}.
 */
final class TrafficEffects {

    private static final Duration REFRESH = Duration.ofMillis(500);
    private static final Duration FIRST_INTERVAL = Duration.ofMillis(500);

    private final TargetLink target;
    private final ActionSupport support;
    private final Consumer<Msg> post;
    private final ScheduledExecutorService queries;
    private final RunningWork running;

    private TrafficLoop loop;
    private FrontClient front;
    private ScheduledFuture<?> refresh;
    /** Which loop's answers the pane wants; read on the loop's thread, so volatile. */
    private volatile long generation;

    TrafficEffects(TargetLink target, ActionSupport support, Consumer<Msg> post, ScheduledExecutorService queries,
            RunningWork running) {
        this.target = target;
        this.support = support;
        this.post = post;
        this.queries = queries;
        this.running = running;
    }

    /** Starts the loop against the stack's front endpoint, or stops it when it runs. */
    void toggle() {
        if (loop != null) {
            stop();
            return;
        }
        Optional<CloudSession> s = target.session(Action.TRAFFIC);
        if (s.isEmpty()) {
            return;
        }
        try {
            Optional<StackInfo> stack = new Stacks(s.get()).find(support.stackName());
            Optional<String> url = stack.flatMap(StackInfo::frontEndpoint);
            if (url.isEmpty()) {
                post.accept(new Msg.TrafficNoEndpoint(support.stackName(), stack.map(StackInfo::status).orElse(null)));
                return;
            }
            front = new FrontClient(URI.create(url.get()), Duration.ofSeconds(5));
            loop = startLoop(front, FIRST_INTERVAL);
            refresh = queries.scheduleWithFixedDelay(this::sample, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
            running.set(RunningWork.Kind.TRAFFIC, true);
        } catch (RuntimeException e) {
            stop();
            post.accept(new Msg.TrafficFailed(Failures.message(e)));
        }
    }

    /** Starts a loop on a fresh board: the pane's counts and answers start from zero. */
    private TrafficLoop startLoop(FrontClient client, Duration interval) {
        long mine = ++generation;
        post.accept(new Msg.TrafficStarted(client.endpoint().toString(), interval));
        TrafficLoop started = new TrafficLoop(client, interval, 0, e -> answered(mine, e));
        started.start();
        return started;
    }

    /** On the loop's thread: an answer of a loop already replaced (cleared, stopped) is dropped. */
    private void answered(long of, TrafficEvent e) {
        if (of == generation) {
            post.accept(new Msg.TrafficAnswered(PaneMessages.answer(e)));
        }
    }

    private void sample() {
        if (loop != null) {
            post.accept(new Msg.TrafficSampled(PaneMessages.sample(loop.summary(), loop.interval(), true)));
        }
    }

    /** Stops the loop, if any, and posts its last numbers; nothing left to send traffic to after a teardown. */
    void stop() {
        if (refresh != null) {
            refresh.cancel(false);
            refresh = null;
        }
        TrafficLoop stopped = loop;
        loop = null;
        if (stopped != null) {
            stopped.close();
            generation++; // its last answers, if any are still on their way, belong to a stopped loop
            post.accept(new Msg.TrafficSampled(PaneMessages.sample(stopped.summary(), stopped.interval(), false)));
        }
        if (front != null) {
            front.close();
            front = null;
        }
        running.set(RunningWork.Kind.TRAFFIC, false);
    }

    /** Halves or doubles the pause between requests, within 0.1 s and 5 s. */
    void adjustInterval(boolean faster) {
        if (loop == null) {
            return;
        }
        long ms = loop.interval().toMillis();
        loop.setInterval(Duration.ofMillis(faster ? Math.max(100, ms / 2) : Math.min(5000, ms * 2)));
        sample();
    }

    /** Clears front's history and starts our own count afresh, so both shares describe the same recent answers. */
    void clearColors() {
        if (front == null || loop == null) {
            return; // stopped meanwhile; the core only asks while the loop runs
        }
        try {
            String answer = front.clear();
            Duration interval = loop.interval();
            loop.close();
            loop = startLoop(front, interval);
            post.accept(new Msg.ColorsCleared(answer, null));
            sample();
        } catch (IOException | RuntimeException e) {
            post.accept(new Msg.ColorsCleared(null, Failures.message(e)));
        }
    }
}
