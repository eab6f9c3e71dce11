package dev.meshwalk.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything that can happen to the tutorial: keys, resizes, answers from effects. Front-ends and effect
 * runners only ever post these; {@link Update#apply} decides what they mean.
 *
 * <p>Extending: add a record here (and its case in {@link Update}). Effects post typed facts (a resource changed,
 * a traffic sample) rather than text: the core folds them into the panes' {@link Board}s and {@link BoardText}
 * draws them, so both front-ends say the same words.
 */
public sealed interface Msg {

    /** A message that changes one action's pane; front-ends that follow a pane (line mode) watch for these. */
    interface ForPane {
        Action action();
    }

    /** A message that only the deploy pane takes (waiting for a busy stack). */
    interface ForDeployPane extends ForPane {
        @Override
        default Action action() {
            return Action.DEPLOY;
        }
    }

    /** A message of the traffic loop, which has one pane. */
    interface ForTrafficPane extends ForPane {
        @Override
        default Action action() {
            return Action.TRAFFIC;
        }
    }

    /** A key, in core terms; its meaning depends on the screen (see {@link KeyBindings}). */
    record KeyPressed(Key key) implements Msg {
    }

    /** The terminal changed size (also sent once at start). */
    record Resized(Size size) implements Msg {
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

    /** Saved progress arrived; {@code problem} is non-null when the file was unreadable and was set aside. */
    record ProgressLoaded(Map<String, Mark> marks, String problem) implements Msg {
        public ProgressLoaded {
            marks = Map.copyOf(marks);
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

    /** An action's pane has new content (a preview, a question, an error); it replaces the pane and its board. */
    record ActionPaneChanged(ActionPane pane) implements Msg, ForPane {
        @Override
        public Action action() {
            return pane.action();
        }
    }

    // ---- stack operations (deploy, deleting a failed stack, teardown): folded into the pane's DeployBoard ----

    /** A stack operation starts on the {@code action}'s pane (DEPLOY or TEARDOWN): a fresh board with this title. */
    record DeployStarted(Action action, String title) implements Msg, ForPane {
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

    /** Something to know during the operation that is not a status change ("waiting for the running update"). */
    record DeployNotice(Action action, String text) implements Msg, ForPane {
    }

    /**
     * The operation ended: final status, total time, every failed resource, and the stack's outputs. The pane stays
     * in progress until the effects post {@link PaneConcluded}.
     */
    record DeployEnded(Action action, boolean success, String stackName, String finalStatus, Duration elapsed,
            List<DeployBoard.Failure> failures, Map<String, String> outputs) implements Msg, ForPane {
        public DeployEnded {
            failures = List.copyOf(failures);
            outputs = Map.copyOf(outputs);
        }
    }

    /**
     * What an effect adds under a pane's board once its work is over (the next step, teardown's verification),
     * with the pane's final status; it always follows a stack operation. The board stays above these lines.
     */
    record PaneConcluded(Action action, Status status, List<String> lines) implements Msg, ForPane {
        public PaneConcluded {
            lines = List.copyOf(lines);
        }
    }

    // ---- waiting for another operation on the stack: folded into the deploy pane's StackWaitBoard -------------

    /** The wait starts: the stack is in {@code status}; {@code cancelAnswer} is CloudFormation's answer, or null. */
    record StackWaitStarted(String stackName, String chapterId, String status, ResourcePhase phase, String cancelAnswer)
            implements Msg, ForDeployPane {
    }

    /** The stack moved to {@code status}, {@code waited} into the wait. */
    record StackWaitChanged(String status, ResourcePhase phase, Duration waited) implements Msg, ForDeployPane {
    }

    /** The clock of the wait, every second, so the learner sees it is still waiting. */
    record StackWaitTicked(Duration waited) implements Msg, ForDeployPane {
    }

    /** The stack settled in {@code status}; planning the chapter follows. */
    record StackWaitSettled(String status, ResourcePhase phase, Duration waited) implements Msg, ForDeployPane {
    }

    // ---- the traffic loop: folded into the traffic pane's TrafficBoard --------------------------------------

    /** The loop (re)started against {@code endpoint}: a fresh board, counts from zero. */
    record TrafficStarted(String endpoint, Duration interval) implements Msg, ForTrafficPane {
    }

    /** One answer (or failure) arrived. */
    record TrafficAnswered(TrafficAnswer answer) implements Msg, ForTrafficPane {
    }

    /** The loop's numbers now (posted a few times a second, and once more when it stops). */
    record TrafficSampled(TrafficSample sample) implements Msg, ForTrafficPane {
    }

    /** Quit as if {@code q} was pressed (line mode's {@code quit}). */
    record QuitRequested() implements Msg {
    }

    /** What is still starting (e.g. "local cloud"), or null once the target is ready. */
    record Starting(String what) implements Msg {
    }

    /** A deploy of this chapter ended; a success marks the chapter deployed. */
    record DeployFinished(String chapterId, boolean success) implements Msg {
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

    /** Open an action's pane as its key would (line mode's {@code deploy}, {@code map}, ... commands). */
    record ShowAction(Action action) implements Msg {
    }
}
