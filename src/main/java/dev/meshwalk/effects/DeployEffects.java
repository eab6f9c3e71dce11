package dev.meshwalk.effects;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.DeployOutcome;
import dev.meshwalk.cloud.Deployment;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.ChangeSet;
import dev.meshwalk.core.DeployOrder;
import dev.meshwalk.core.Msg;

/**
 * The deploy flow's work on the cloud: the AWS gate, the images, the stack's condition and the change set
 * ({@link DeploySteps}), then executing or deleting the change set, or deleting a failed stack. Every method runs
 * on the one {@code actions-cloud} thread, so stack operations never overlap. It keeps nothing between steps:
 * what the learner is answering lives in the core's {@code PendingDeploy}, and each effect carries what it needs.
 */
final class DeployEffects {

    private final TargetLink target;
    private final ActionSupport support;
    private final Consumer<Msg> post;
    private final RunningWork running;

    DeployEffects(TargetLink target, ActionSupport support, Consumer<Msg> post, RunningWork running) {
        this.target = target;
        this.support = support;
        this.post = post;
        this.running = running;
    }

    /** The gate on AWS (stopping at the cost question unless accepted before), then the rest of the plan. */
    void plan(DeployOrder order) {
        Optional<CloudSession> s = target.session(Action.DEPLOY);
        if (s.isEmpty()) {
            return;
        }
        planning(order, () -> {
            if (support.awsSteps(s.get())) {
                AwsGate.Checked checked = AwsGate.check(s.get(), order.chapterId(), support.stackName(), true);
                boolean accepted = support.costNoticeAccepted(s.get());
                post.accept(new Msg.AwsChecked(order, s.get().target().region(), checked.preflight(), checked.estimate(),
                        accepted));
                if (checked.report().stop() || !accepted) {
                    return; // the core asks about the costs; AcceptCosts goes on
                }
            }
            prepare(s.get(), order);
        });
    }

    /** The costs were accepted: remember that for the account and region, then the images and the change set. */
    void acceptCosts(DeployOrder order) {
        Optional<CloudSession> s = target.session(Action.DEPLOY);
        if (s.isEmpty()) {
            return;
        }
        support.rememberCostNotice(s.get());
        planning(order, () -> prepare(s.get(), order));
    }

    /** The images (where the target needs them), then the stack's condition and the change set. */
    private void prepare(CloudSession session, DeployOrder order) throws IOException {
        DeployImageStep.Result images = DeployImageStep.run(support, session, List.of(),
                lines -> post.accept(new Msg.ImagesProgressed(lines)));
        if (images.failed()) {
            post.accept(new Msg.ImagesFailed(List.of(), images.lines()));
            return;
        }
        Deployment deployment = DeploySteps.deployment(session, support, order, images.images());
        DeploySteps.Step step = DeploySteps.next(deployment);
        if (step instanceof DeploySteps.Busy b) {
            post.accept(new Msg.StackBusyFound(order, b.stack().name(), b.stack().status()));
        } else if (step instanceof DeploySteps.FailedCreate f) {
            post.accept(new Msg.FailedStackFound(order, f.stack().name(), f.stack().statusReason().orElse(null)));
        } else if (step instanceof DeploySteps.NothingToDo n) {
            post.accept(new Msg.NothingToDeploy(order, n.frontEndpoint().orElse(null)));
        } else {
            DeploySteps.Ready ready = (DeploySteps.Ready) step;
            post.accept(new Msg.DeployPlanned(order, DeploySteps.changeSet(ready.plan(), deployment)));
        }
    }

    /** Executes the change set the learner said yes to, with progress on the deploy pane's board. */
    void execute(DeployOrder order, ChangeSet changeSet) {
        Optional<CloudSession> s = target.session(Action.DEPLOY);
        if (s.isEmpty()) {
            return;
        }
        running.set(RunningWork.Kind.DEPLOY, true);
        post.accept(new Msg.DeployStarted(order, changeSet.stackName()));
        try {
            Deployment deployment = DeploySteps.deployment(s.get(), support, order, changeSet);
            DeployOutcome outcome = deployment.execute(DeploySteps.plan(changeSet),
                    event -> PaneMessages.of(Action.DEPLOY, event).ifPresent(post));
            post.accept(PaneMessages.ended(Action.DEPLOY, outcome));
            post.accept(new Msg.DeployConcluded(order, outcome.success(), outcome.finalStatus()));
        } catch (RuntimeException | IOException e) {
            post.accept(new Msg.DeployFailed(Msg.DeployFailed.Step.DEPLOY, order, Failures.message(e)));
        } finally {
            running.set(RunningWork.Kind.DEPLOY, false);
        }
    }

    /** Deletes the change set the learner said no to (and a stack a declined create left empty). */
    void discard(DeployOrder order, ChangeSet changeSet) {
        Optional<CloudSession> s = target.session(Action.DEPLOY);
        if (s.isEmpty()) {
            return;
        }
        try {
            DeploySteps.deployment(s.get(), support, order, changeSet).discard(DeploySteps.plan(changeSet));
            post.accept(new Msg.ChangeSetDiscarded());
        } catch (RuntimeException | IOException e) {
            post.accept(new Msg.DeployFailed(Msg.DeployFailed.Step.DISCARD, order, Failures.message(e)));
        }
    }

    /** Deletes the stack whose first creation failed, with progress; the core plans the order again after it. */
    void recreate(DeployOrder order) {
        Optional<CloudSession> s = target.session(Action.DEPLOY);
        if (s.isEmpty()) {
            return;
        }
        post.accept(new Msg.FailedStackDeleting(support.stackName()));
        running.set(RunningWork.Kind.DEPLOY, true);
        try {
            Deployment deployment = DeploySteps.deployment(s.get(), support, order, Map.of());
            DeployOutcome removed = deployment.deleteStack(event -> PaneMessages.of(Action.DEPLOY, event).ifPresent(post));
            if (!removed.success()) {
                post.accept(PaneMessages.ended(Action.DEPLOY, removed));
            }
            post.accept(new Msg.FailedStackDeleted(order, removed.success()));
        } catch (RuntimeException | IOException e) {
            post.accept(new Msg.DeployFailed(Msg.DeployFailed.Step.DELETE_FAILED_STACK, order, Failures.message(e)));
        } finally {
            running.set(RunningWork.Kind.DEPLOY, false);
        }
    }

    /** A step of planning that may fail on the cloud's side or reading the template. */
    private interface PlanningStep {
        void run() throws IOException;
    }

    private void planning(DeployOrder order, PlanningStep step) {
        try {
            step.run();
        } catch (RuntimeException | IOException e) {
            post.accept(new Msg.DeployFailed(Msg.DeployFailed.Step.PLAN, order, Failures.message(e)));
        }
    }
}
