package dev.meshwalk.core;

import java.util.Map;

/**
 * Everything that can happen to the tutorial: keys, resizes, answers from effects. Front-ends and effect
 * runners only ever post these; {@link Update#apply} decides what they mean.
 *
 * <p>Extending: add a record here (and its case in {@link Update}); e.g. the actions layer adds deploy progress,
 * traffic samples and graph answers, and can already use {@link ActionPaneChanged} and {@link RunningChanged}.
 */
public sealed interface Msg {

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

    /** An action's pane has new content (progress lines, samples, a map). */
    record ActionPaneChanged(ActionPane pane) implements Msg {
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
