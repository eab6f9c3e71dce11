package dev.meshwalk.core;

import java.util.Map;

/**
 * Work the core asks for but never does itself (it stays pure). An {@link EffectRunner} performs each and
 * posts the outcome back as a {@link Msg}.
 *
 * <p>Extending: add a record here for each new kind of work (deploy a stack, start the traffic loop, fetch the
 * service graph) and handle it in the runner.
 */
public sealed interface Effect {

    /** Read saved progress; answered with {@link Msg.ProgressLoaded}. */
    record LoadProgress() implements Effect {
    }

    /**
     * Write these marks and each chapter's stack parameters (what {@link Course} keeps across runs); a failure is
     * answered with {@link Msg.ProgressSaveFailed}.
     */
    record SaveProgress(Map<String, Mark> marks, Map<String, Map<String, String>> parameters) implements Effect {
        public SaveProgress {
            marks = Map.copyOf(marks);
            parameters = Course.copyOf(parameters);
        }
    }

    /** Read a chapter's settable stack parameters and the stack's values; answered with {@link Msg.ParametersLoaded}. */
    record LoadParameters(String chapterId) implements Effect {
    }

    /** Leave the tutorial: the front-end restores the terminal and returns. */
    record Quit() implements Effect {
    }

    /** Resolve the target (start the embedded local cloud when it is the target); answered with Starting/TargetResolved. */
    record ConnectTarget() implements Effect {
    }

    /**
     * The deploy flow's first steps for an order: on AWS the preflight, the cost question and the images, then the
     * stack's condition (busy, failed creation) and the change set. Answered with the deploy flow's Msgs.
     */
    record PlanDeploy(DeployOrder order) implements Effect {
        public PlanDeploy(String chapterId) {
            this(DeployOrder.of(chapterId));
        }
    }

    /** The learner accepted the AWS costs: remember that for the account and region, then plan the order on. */
    record AcceptCosts(DeployOrder order) implements Effect {
    }

    /** The learner said yes to the change set: execute it, with progress. */
    record ExecuteDeploy(DeployOrder order, ChangeSet changeSet) implements Effect {
    }

    /** The learner said no to the change set: delete it (and a stack a declined create left empty). */
    record DiscardChangeSet(DeployOrder order, ChangeSet changeSet) implements Effect {
    }

    /** Delete the stack whose first creation failed, with progress; answered with {@link Msg.FailedStackDeleted}. */
    record RecreateStack(DeployOrder order) implements Effect {
    }

    /** Ask CloudFormation to cancel the update running on the stack (it rolls back). */
    record CancelDeploy() implements Effect {
    }

    /** Start the traffic loop against the front endpoint, or stop it when it runs. */
    record ToggleTraffic() implements Effect {
    }

    /** Make the traffic loop faster ({@code faster}) or slower. */
    record TrafficInterval(boolean faster) implements Effect {
    }

    /**
     * Break it: stop one task of the tutorial stack's color service (ECS StopTask) and watch ECS replace it;
     * answered with {@link Msg.ColorTaskStopped}, then {@link Msg.ColorTaskReplaced} or {@link Msg.BreakItFailed}.
     */
    record StopColorTask() implements Effect {
    }

    /** Ask front to forget its color history ({@code /color/clear}). */
    record ClearColors() implements Effect {
    }

    /** Fetch the service graph for the last {@code minutes} now and, while {@code autoRefresh}, every few seconds. */
    record FetchGraph(int minutes, boolean autoRefresh) implements Effect {
    }

    /** The map pane was closed: stop refreshing it. */
    record StopGraphRefresh() implements Effect {
    }

    /** Fetch the chapter's metrics as sparklines. */
    record FetchMetrics(String chapterId) implements Effect {
    }

    /** List what the tutorial created on the target; answered with {@link Msg.TeardownListed}. */
    record TeardownInventory() implements Effect {
    }

    /**
     * Delete exactly these picked items of the teardown menu, with progress, then verify what is left. An empty
     * list is answered with a plain "nothing was picked".
     */
    record DeletePicked(java.util.List<TeardownItem> picked) implements Effect {
        public DeletePicked {
            picked = java.util.List.copyOf(picked);
        }
    }

    /** What to do about a stack busy in another operation ({@link ActionPane.Question#STACK_BUSY}). */
    enum BusyChoice {
        /** Wait for the operation to end (progress shown), then plan the deploy. */
        WAIT,
        /** Cancel the running update (CloudFormation rolls back), wait for the rollback, then plan. */
        CANCEL,
        /** Leave the stack alone; nothing is planned. */
        LEAVE
    }

    /** The learner's answer to {@link ActionPane.Question#STACK_BUSY} or its no-cancel variant, about this order. */
    record AnswerBusyStack(BusyChoice choice, DeployOrder order) implements Effect {
    }

    /**
     * Read what the chapter's check needs from the live target, the service graph of the last {@code graphMinutes}
     * ({@link ChapterChecks#graphMinutes}); answered with {@link Msg.CheckRead}, or with a failed
     * {@link Msg.CheckResult} when it could not be read.
     */
    record Verify(String chapterId, int graphMinutes) implements Effect {
    }
}
