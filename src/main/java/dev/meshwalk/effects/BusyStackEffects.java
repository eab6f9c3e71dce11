package dev.meshwalk.effects;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.DeployEvent;
import dev.meshwalk.cloud.Deployment;
import dev.meshwalk.cloud.StackInfo;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.DeployOrder;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.Msg;
import dev.meshwalk.facts.CancelOutcome;

/**
 * The busy-stack flow: another operation runs on the stack, and the learner chose to wait for it, cancel its
 * update first, or leave it; and cancelling a running update on request (esc or Ctrl-C during a deploy or a wait).
 * The wait runs on {@code actions-cloud} (stack operations stay in order); its clock ticks and the cancel run on
 * {@code actions-queries}, which never waits behind a stack operation. Once the stack settled the core plans the
 * order again.
 */
final class BusyStackEffects {

    private final TargetLink target;
    private final ActionSupport support;
    private final Consumer<Msg> post;
    private final ScheduledExecutorService queries;

    BusyStackEffects(TargetLink target, ActionSupport support, Consumer<Msg> post, ScheduledExecutorService queries) {
        this.target = target;
        this.support = support;
        this.post = post;
        this.queries = queries;
    }

    /** On {@code actions-cloud}: carries out the learner's choice. */
    void answer(Effect.BusyChoice choice, DeployOrder order) {
        Optional<CloudSession> s = target.session(Action.DEPLOY);
        if (s.isEmpty()) {
            return;
        }
        Deployment deployment = DeploySteps.ofStack(s.get(), support.stackName());
        if (choice == Effect.BusyChoice.LEAVE) {
            post.accept(new Msg.BusyStackLeft(support.stackName(), currentStatus(deployment)));
            return;
        }
        CancelOutcome said = null;
        if (choice == Effect.BusyChoice.CANCEL) {
            try {
                said = deployment.cancelUpdate();
            } catch (RuntimeException e) {
                post.accept(new Msg.CancelAnswered(null, Failures.message(e)));
            }
        }
        waitUntilSettled(deployment, order, said);
    }

    /** On {@code actions-queries}: asks CloudFormation to cancel the update running on the stack. */
    void cancelRunning() {
        Optional<CloudSession> s = target.session(Action.DEPLOY);
        if (s.isEmpty()) {
            return;
        }
        try {
            CancelOutcome answer = DeploySteps.ofStack(s.get(), support.stackName()).cancelUpdate();
            post.accept(new Msg.CancelAnswered(answer, null));
        } catch (RuntimeException e) {
            post.accept(new Msg.CancelAnswered(null, Failures.message(e)));
        }
    }

    private static String currentStatus(Deployment deployment) {
        try {
            return deployment.currentStack().map(StackInfo::status).orElse("gone");
        } catch (RuntimeException e) {
            return "status unknown: " + Failures.message(e);
        }
    }

    /**
     * Follows the stack until it settles: the status it is in, the time waited (ticking every second) and each
     * status it passed through; the core plans the order once it settled.
     */
    private void waitUntilSettled(Deployment deployment, DeployOrder order, CancelOutcome cancelAnswer) {
        long start = System.nanoTime();
        Supplier<Duration> waited = () -> Duration.ofNanos(System.nanoTime() - start);
        String status = currentStatus(deployment);
        post.accept(new Msg.StackWaitStarted(support.stackName(), order.chapterId(), status, PaneMessages.phaseOf(status),
                cancelAnswer));
        ScheduledFuture<?> ticker;
        try {
            ticker = queries.scheduleWithFixedDelay(() -> post.accept(new Msg.StackWaitTicked(waited.get())), 1, 1,
                    TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            return; // shutting down: nobody is left to show the wait to
        }
        Duration limit = target.onAws() ? Duration.ofMinutes(60) : Duration.ofMinutes(10);
        try {
            Optional<StackInfo> settled = deployment.waitUntilSettled(event -> {
                if (event instanceof DeployEvent.StackStatusChanged c) {
                    post.accept(new Msg.StackWaitChanged(c.status(), PaneMessages.phaseOf(c.status()), waited.get()));
                }
            }, limit);
            String now = settled.map(StackInfo::status).orElse("gone");
            post.accept(new Msg.StackWaitSettled(now, PaneMessages.phaseOf(now), waited.get()));
        } catch (RuntimeException e) {
            post.accept(new Msg.DeployFailed(Msg.DeployFailed.Step.WAIT, order, Failures.message(e)));
        } finally {
            // A tick that still arrives finds the board settled or replaced, and the core drops it.
            ticker.cancel(false);
        }
    }
}
