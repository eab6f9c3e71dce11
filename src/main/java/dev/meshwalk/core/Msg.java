package dev.meshwalk.core;

import dev.meshwalk.facts.EcsDeployment;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.meshwalk.facts.CancelOutcome;
import dev.meshwalk.facts.CostEstimate;
import dev.meshwalk.facts.PreflightFacts;

/**
 * Everything that can happen to the tutorial: keys, resizes, answers from effects. Front-ends and effect
 * runners only ever post these; {@link Update#apply} decides what they mean.
 *
 * <p>Extending: add a record here (and its case in {@link Update}). Effects post typed facts (a resource changed,
 * a traffic sample) rather than text: the core folds them into the panes' {@link Board}s and {@link BoardText}
 * draws them, so both front-ends say the same words.
 */
public sealed interface Msg {

    /** A key, in core terms; its meaning depends on the screen (see {@link KeyBindings}). */
    record KeyPressed(Key key) implements Msg {
    }

    /** The terminal changed size (also sent once at start). */
    record Resized(Size size) implements Msg {
    }

    /**
     * Stack parameters the learner set for a chapter's deploys ({@code deploy 3 ColorWeight=90}), already checked
     * against its template; kept (and saved with progress) until set again.
     */
    record DeployParameters(String chapterId, Map<String, String> values) implements Msg {
        public DeployParameters {
            values = Map.copyOf(values);
        }
    }

    /**
     * A chapter's parameters the learner sets (from its template) and the values the stack runs when it runs that
     * chapter; {@code problem} says why they could not be read (then the lists are empty).
     */
    record ParametersLoaded(String chapterId, List<dev.meshwalk.content.StackParameters.Parameter> parameters,
            Map<String, String> deployed, String problem) implements Msg, ForPane.Deploy {
        public ParametersLoaded {
            parameters = List.copyOf(parameters);
            deployed = Map.copyOf(deployed);
        }
    }

    /** Open a chapter's lesson by number ({@code --chapter}, line mode's {@code read}). */
    record OpenChapter(int number) implements Msg {
    }

    record NextChapter() implements Msg {
    }

    record PrevChapter() implements Msg {
    }

    record ShowChapterList() implements Msg {
    }

    /** The learner saw the whole text of a chapter (line mode prints it all at once). */
    record ChapterReadToEnd(int number) implements Msg {
    }

    /**
     * Saved progress arrived: the marks and each chapter's stack parameters; {@code problem} is non-null when the
     * file was unreadable and was set aside.
     */
    record ProgressLoaded(Map<String, Mark> marks, Map<String, Map<String, String>> parameters, String problem)
            implements Msg {
        public ProgressLoaded {
            marks = Map.copyOf(marks);
            parameters = Course.copyOf(parameters);
        }

        /** Progress without parameters (a file from before they were saved, or none set). */
        public ProgressLoaded(Map<String, Mark> marks, String problem) {
            this(marks, Map.of(), problem);
        }
    }

    record ProgressSaveFailed(String reason) implements Msg {
    }

    /** A one-line message for the status bar. */
    record Notice(String text) implements Msg {
    }

    /** Something long-running started or stopped (a deploy, the traffic loop); quitting then asks first. */
    record RunningChanged(boolean running) implements Msg {
    }

    /** The target's label became more precise (e.g. the AWS account is known). */
    record TargetResolved(Target target) implements Msg {
    }

    /**
     * What the target holds, checked once it is open: the chapter of the tutorial's stack there, or empty when no
     * stack of ours exists. The chapter marks follow it (a "deployed" mark is true only while its stack exists).
     */
    record DeployedOnTarget(java.util.Optional<String> chapterId) implements Msg {
    }

    // ---- the deploy flow: what the effects found; DeployFlow words it and asks the next question ----------

    /** The target cannot be used for {@code action} now; {@code reason} says why, null while it is still starting. */
    record TargetUnavailable(Action action, String reason) implements Msg, ForPane {
    }

    /** Opening the target failed; {@code unexpected} when the failure came without an explanation for the learner. */
    record TargetFailed(String reason, boolean unexpected) implements Msg {
    }

    /** Too much work is queued, or the tutorial is shutting down: the key did nothing. */
    record EffectsBusy() implements Msg {
    }

    /**
     * On AWS, before anything is created: what the preflight learned about the account and the cost estimate (the
     * core words both, {@link GateReport}); {@code costsAccepted}: the learner accepted the costs for this account
     * before.
     */
    record AwsChecked(DeployOrder order, String region, PreflightFacts preflight, CostEstimate estimate,
            boolean costsAccepted) implements Msg, ForPane.Deploy {
    }

    /** The app images' build and upload so far (on AWS), one line per app and step. */
    record ImagesProgressed(List<String> lines) implements Msg, ForPane.Deploy {
        public ImagesProgressed {
            lines = List.copyOf(lines);
        }
    }

    /** The images could not be made: the progress so far, then the explanation and next step. */
    record ImagesFailed(List<String> progress, List<String> explanation) implements Msg, ForPane.Deploy {
        public ImagesFailed {
            progress = List.copyOf(progress);
            explanation = List.copyOf(explanation);
        }
    }

    /** Another operation runs on the stack ({@code status}), so the order cannot be planned yet. */
    record StackBusyFound(DeployOrder order, String stackName, String status) implements Msg, ForPane.Deploy {
    }

    /** The stack's first creation failed (ROLLBACK_COMPLETE); it must be deleted before it is created again. */
    record FailedStackFound(DeployOrder order, String stackName, String reason) implements Msg, ForPane.Deploy {
    }

    /** The stack already runs the order's template and parameters; {@code frontEndpoint} may be null. */
    record NothingToDeploy(DeployOrder order, String frontEndpoint) implements Msg, ForPane.Deploy {
    }

    /** The change set is computed and waits for the learner's yes. */
    record DeployPlanned(DeployOrder order, ChangeSet changeSet) implements Msg, ForPane.Deploy {
    }

    /** The learner said no to the change set and it was deleted. */
    record ChangeSetDiscarded() implements Msg, ForPane.Deploy {
    }

    /** The busy stack was left alone; it is in {@code status} now. */
    record BusyStackLeft(String stackName, String status) implements Msg, ForPane.Deploy {
    }

    /** CloudFormation's answer to cancelling the running update, or why asking failed ({@code failure}, else null). */
    record CancelAnswered(CancelOutcome answer, String failure) implements Msg {
    }

    /** A step of the deploy flow stopped on an error; {@code reason} is the error's message. */
    record DeployFailed(Step step, DeployOrder order, String reason) implements Msg, ForPane.Deploy {
        /** Which step stopped. */
        public enum Step {
            PLAN, DEPLOY, DELETE_FAILED_STACK, WAIT, DISCARD
        }
    }

    // ---- stack operations (deploy, deleting a failed stack, teardown): folded into the pane's DeployBoard ----

    /** The order's change set is being executed on {@code stackName}: a fresh board on the deploy pane. */
    record DeployStarted(DeployOrder order, String stackName) implements Msg, ForPane.Deploy {
    }

    /** The stack whose first creation failed is being deleted: a fresh board on the deploy pane. */
    record FailedStackDeleting(String stackName) implements Msg, ForPane.Deploy {
    }

    /** Deleting the failed stack ended; on success the order is planned again. */
    record FailedStackDeleted(DeployOrder order, boolean success) implements Msg, ForPane.Deploy {
    }

    /**
     * One resource changed status. {@code type} is the short resource type ("ECS::Service"); {@code reason} is
     * CloudFormation's, or null; {@code done} of {@code total} resources have finished so far.
     */
    record DeployResourceChanged(Action action, String logicalId, String type, String status, ResourcePhase phase,
            Duration elapsed, String reason, int done, int total) implements Msg, ForPane {
    }

    /** The stack itself changed status; {@code failed} says whether the status is a failure (then the reason shows). */
    record DeployStackChanged(Action action, String status, boolean failed, String reason, Duration elapsed)
            implements Msg, ForPane {
    }

    /** An ECS service deployment the operation waits on moved (a canary's phase, share, bake time left, alarm). */
    record EcsDeploymentChanged(Action action, EcsDeployment deployment, Duration elapsed) implements Msg, ForPane {
    }

    /** Something to know during the operation that is not a status change ("waiting for the running update"). */
    record DeployNotice(Action action, String text) implements Msg, ForPane {
    }

    /**
     * The operation ended: final status, total time, every failed resource, and the stack's outputs. The pane stays
     * in progress until what follows is known ({@link DeployConcluded}, {@link FailedStackDeleted},
     * {@link TeardownVerified}).
     */
    record DeployEnded(Action action, boolean success, String stackName, String finalStatus, Duration elapsed,
            List<DeployBoard.Failure> failures, Map<String, String> outputs) implements Msg, ForPane {
        public DeployEnded {
            failures = List.copyOf(failures);
            outputs = Map.copyOf(outputs);
        }
    }

    /** The deploy of the order ended in {@code finalStatus}; a success marks the chapter deployed. */
    record DeployConcluded(DeployOrder order, boolean success, String finalStatus) implements Msg, ForPane.Deploy {
    }

    // ---- waiting for another operation on the stack: folded into the deploy pane's StackWaitBoard -------------

    /** The wait starts: the stack is in {@code status}; {@code cancelAnswer} is CloudFormation's answer, or null. */
    record StackWaitStarted(String stackName, String chapterId, String status, ResourcePhase phase,
            CancelOutcome cancelAnswer)
            implements Msg, ForPane.Deploy {
    }

    /** The stack moved to {@code status}, {@code waited} into the wait. */
    record StackWaitChanged(String status, ResourcePhase phase, Duration waited) implements Msg, ForPane.Deploy {
    }

    /** The clock of the wait, every second, so the learner sees it is still waiting. */
    record StackWaitTicked(Duration waited) implements Msg, ForPane.Deploy {
    }

    /** The stack settled in {@code status}; planning the chapter follows. */
    record StackWaitSettled(String status, ResourcePhase phase, Duration waited) implements Msg, ForPane.Deploy {
    }

    // ---- the traffic loop: folded into the traffic pane's TrafficBoard --------------------------------------

    /** The loop (re)started against {@code endpoint}: a fresh board, counts from zero. */
    record TrafficStarted(String endpoint, Duration interval) implements Msg, ForPane.Traffic {
    }

    /** One answer (or failure) arrived. */
    record TrafficAnswered(TrafficAnswer answer) implements Msg, ForPane.Traffic {
    }

    /** The loop's numbers now (posted a few times a second, and once more when it stops). */
    record TrafficSampled(TrafficSample sample) implements Msg, ForPane.Traffic {
    }

    /** Quit as if {@code q} was pressed (line mode's {@code quit}). */
    record QuitRequested() implements Msg {
    }

    /** What is still starting (e.g. "local cloud"), or null once the target is ready. */
    record Starting(String what) implements Msg {
    }

    /** A service graph answer for the map pane. */
    record GraphLoaded(dev.meshwalk.graph.ServiceGraph graph) implements Msg {
    }

    /** The service graph could not be fetched; {@code reason} says why and what to do. */
    record GraphFailed(String reason) implements Msg {
    }

    /** A chapter's check ran against the live target; a pass marks the chapter done. */
    record CheckResult(String chapterId, boolean passed, String explanation) implements Msg {
    }

    /**
     * What a chapter's check read from the target (the map of the last minutes, the stack's evidence); the core
     * judges it with the traffic pane's numbers and time line, so the check sees the shares the learner sees.
     */
    record CheckRead(String chapterId, dev.meshwalk.graph.ServiceGraph graph, CheckEvidence evidence) implements Msg {
    }

    /**
     * What the tutorial created on the target, for the teardown menu (every item picked), and what could not be
     * checked. An empty list means nothing of ours is left.
     */
    record TeardownListed(java.util.List<TeardownItem> items, java.util.List<String> warnings) implements Msg {
        public TeardownListed {
            items = java.util.List.copyOf(items);
            warnings = java.util.List.copyOf(warnings);
        }
    }

    /** Pick exactly the menu items at these 0-based indexes (line mode's {@code 1 3}, {@code all}, {@code none}). */
    record TeardownPicked(java.util.Set<Integer> indexes) implements Msg {
        public TeardownPicked {
            indexes = java.util.Set.copyOf(indexes);
        }
    }

    /** Listing what the tutorial created ({@code listing}) or deleting the picks stopped on an error. */
    record TeardownFailed(boolean listing, String reason) implements Msg, ForPane.Teardown {
    }

    /** A picked item is of a kind teardown cannot remove, so nothing was deleted. */
    record TeardownRefused(TeardownItem item) implements Msg, ForPane.Teardown {
    }

    /** Deleting the picks starts; with the stack picked its deletion is followed on a board. */
    record TeardownStarted(List<TeardownItem> picked, boolean stackPicked) implements Msg, ForPane.Teardown {
        public TeardownStarted {
            picked = List.copyOf(picked);
        }
    }

    /**
     * Deleting the picks ended ({@code allDeleted}: every stack operation succeeded), and what is left was checked.
     * {@code notices} are what deleting the other items said;
     * {@code warnings} name what could not be checked.
     */
    record TeardownVerified(boolean allDeleted, List<String> notices, List<String> warnings, TeardownVerdict verdict)
            implements Msg, ForPane.Teardown {
        public TeardownVerified {
            notices = List.copyOf(notices);
            warnings = List.copyOf(warnings);
        }
    }

    /** The front endpoint is not there: no stack ({@code status} null) or a stack without the output yet. */
    record TrafficNoEndpoint(String stackName, String status) implements Msg, ForPane.Traffic {
    }

    /** The traffic loop could not start. */
    record TrafficFailed(String reason) implements Msg, ForPane.Traffic {
    }

    // ---- break it: one color task stopped under the traffic loop ---------------------------------------------

    /** ECS accepted StopTask for one task of the color service, which runs {@code desired} tasks. */
    record ColorTaskStopped(String service, String taskId, int desired) implements Msg, ForPane.Traffic {
    }

    /** The color service runs its desired count again without the stopped task, {@code took} after the stop. */
    record ColorTaskReplaced(Duration took, int running, int desired) implements Msg, ForPane.Traffic {
    }

    /** No color task could be stopped, or ECS was not back to its desired count in time; {@code reason} says why. */
    record BreakItFailed(String reason) implements Msg, ForPane.Traffic {
    }

    /** Front's history was cleared ({@code frontAnswer} is front's reply), or clearing failed ({@code failure}). */
    record ColorsCleared(String frontAnswer, String failure) implements Msg {
    }

    /** The metrics pane's board, fetched. */
    record MetricsFetched(MetricsBoard board) implements Msg, ForPane {
        @Override
        public Action action() {
            return Action.METRICS;
        }
    }

    /** The metrics could not be fetched. */
    record MetricsFailed(String reason) implements Msg, ForPane {
        @Override
        public Action action() {
            return Action.METRICS;
        }
    }

    /** Open an action's pane as its key would (line mode's {@code deploy}, {@code map}, ... commands). */
    record ShowAction(Action action) implements Msg {
    }
}
