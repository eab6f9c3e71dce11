package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import dev.meshwalk.facts.CancelOutcome;
import org.junit.jupiter.api.Test;

import dev.meshwalk.content.Chapter;

/** Waiting for a busy stack, folded from the StackWait messages into the deploy pane's board. */
class StackWaitBoardTest {

    private static final List<Chapter> CHAPTERS = List.of(
            new Chapter(0, "0-prelude", "Prelude", "stacks/0-prelude.yaml", "# Prelude\n\nShort.", null));

    private final UpdateDriver driver = new UpdateDriver();

    private State waiting() {
        return driver.send(State.initial(CHAPTERS, new Size(100, 30), false, Target.local(), "/tmp/log"),
                new Msg.OpenChapter(0),
                new Msg.StackWaitStarted("meshwalk-x", "0-prelude", "UPDATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS, null));
    }

    private static StackWaitBoard board(State s) {
        return (StackWaitBoard) s.actions().get(Action.DEPLOY).board();
    }

    private static List<String> text(State s) {
        return BoardText.pane(s.actions().get(Action.DEPLOY), false);
    }

    @Test
    void theClockTicksForwardOnlyAndEachStatusSeenIsListedWithItsTime() {
        State s = driver.send(waiting(), new Msg.StackWaitTicked(Duration.ofSeconds(2)),
                new Msg.StackWaitChanged("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", ResourcePhase.IN_PROGRESS, Duration.ofMillis(2500)),
                new Msg.StackWaitTicked(Duration.ofSeconds(1)));

        assertThat(board(s).waited()).as("a late tick does not turn the clock back").isEqualTo(Duration.ofMillis(2500));
        assertThat(s.actions().get(Action.DEPLOY).status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(text(s)).containsExactly(
                "Waiting for the stack meshwalk-x   2.5 s",
                "[~] now UPDATE_COMPLETE_CLEANUP_IN_PROGRESS   (esc: cancel the update or keep waiting)",
                "Chapter 0-prelude is planned once the stack has settled.",
                "Statuses seen:",
                " [~]   2.5 s  UPDATE_COMPLETE_CLEANUP_IN_PROGRESS");
    }

    @Test
    void aStackThatSettledBetweenPollsStillShowsWhereItSettledAndLaterTicksAreIgnored() {
        State s = driver.send(waiting(), new Msg.StackWaitSettled("UPDATE_COMPLETE", ResourcePhase.DONE, Duration.ofSeconds(3)),
                new Msg.StackWaitTicked(Duration.ofSeconds(4)));

        assertThat(text(s)).containsExactly(
                "The stack meshwalk-x settled after 3.0 s.",
                "[+] now UPDATE_COMPLETE; planning chapter 0-prelude ...",
                "Statuses seen:",
                " [+]   3.0 s  UPDATE_COMPLETE");
    }

    @Test
    void theAnswerToACancelShowsAndAPaneThatMovedOnDropsTheWaitsLateMessages() {
        State s = driver.send(State.initial(CHAPTERS, new Size(100, 30), false, Target.local(), "/tmp/log"),
                new Msg.OpenChapter(0), new Msg.StackWaitStarted("meshwalk-x", "0-prelude", "UPDATE_IN_PROGRESS",
                        ResourcePhase.IN_PROGRESS, new CancelOutcome.Requested()));
        assertThat(text(s)).contains("  Cancel requested: CloudFormation rolls the stack back to the previous chapter.");

        State failed = driver.send(s, new Msg.DeployFailed(Msg.DeployFailed.Step.WAIT, DeployOrder.of("0-prelude"), "timeout"),
                new Msg.StackWaitTicked(Duration.ofSeconds(9)));
        assertThat(text(failed)).containsExactly("Stopped waiting for the stack: timeout", "Press d to try again.");
    }
}
