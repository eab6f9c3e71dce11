package dev.meshwalk.effects;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.ColorTasks;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.Msg;

/**
 * Break it: stops one color task of the tutorial stack through ECS's API and watches, a few times a second, until
 * ECS runs the desired count again without it. Confined to the {@code actions-queries} thread like the traffic loop
 * it is watched with: each poll is one short call, so the loop's samples keep flowing.
 */
final class BreakItEffects {

    /** What the effects write as the stopped task's {@code stoppedReason}. */
    static final String REASON = "Stopped by meshwalk: break it";
    private static final Duration POLL = Duration.ofMillis(250);

    private final TargetLink target;
    private final ActionSupport support;
    private final Consumer<Msg> post;
    private final ScheduledExecutorService queries;
    private ScheduledFuture<?> watch;

    BreakItEffects(TargetLink target, ActionSupport support, Consumer<Msg> post, ScheduledExecutorService queries) {
        this.target = target;
        this.support = support;
        this.post = post;
        this.queries = queries;
    }

    /** Stops one color task and starts watching ECS replace it. */
    void stopOne() {
        if (watch != null) {
            return; // the core asks again only after the replacement; a double press is ignored here too
        }
        Optional<CloudSession> session = target.session(Action.TRAFFIC);
        if (session.isEmpty()) {
            return;
        }
        ColorTasks tasks = new ColorTasks(session.get());
        ColorTasks.Stopped stopped;
        try {
            stopped = tasks.stopOne(support.stackName(), REASON);
        } catch (RuntimeException e) {
            post.accept(new Msg.BreakItFailed(Failures.message(e)));
            return;
        }
        post.accept(new Msg.ColorTaskStopped(stopped.service(), stopped.taskId(), stopped.desired()));
        long from = System.nanoTime();
        watch = queries.scheduleWithFixedDelay(() -> poll(tasks, stopped, from), POLL.toMillis(), POLL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void poll(ColorTasks tasks, ColorTasks.Stopped stopped, long from) {
        Duration took = Duration.ofNanos(System.nanoTime() - from);
        try {
            ColorTasks.Progress now = tasks.progress(stopped);
            if (now.back()) {
                post.accept(new Msg.ColorTaskReplaced(took, now.running(), now.desired()));
                cancel();
            } else if (took.compareTo(ColorTasks.REPLACEMENT_LIMIT) > 0) {
                post.accept(new Msg.BreakItFailed("ECS runs " + now.running() + " of " + now.desired() + " color tasks "
                        + ColorTasks.REPLACEMENT_LIMIT.toSeconds() + " s after the stop; its service events say why"
                        + " (aws ecs describe-services --query 'services[0].events[:5]')."));
                cancel();
            }
        } catch (RuntimeException e) {
            post.accept(new Msg.BreakItFailed(Failures.message(e)));
            cancel();
        }
    }

    /** Stops watching (done, failed, or the tutorial closes). */
    void cancel() {
        if (watch != null) {
            watch.cancel(false);
            watch = null;
        }
    }
}
