package dev.meshwalk.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.meshwalk.facts.CancelOutcome;

/**
 * The deploy pane while the tutorial waits for another operation on its stack to end: the status now, the time
 * waited, the answer to a cancel request, and every status the stack passed through (a cancelled update shows its
 * rollback). Folded from the {@code Msg.StackWait*} messages by {@link Update}; drawn by {@link BoardText}.
 *
 * @param cancelAnswer what CloudFormation said to a cancel request, or null when none was made
 * @param settled      the stack has settled; the chapter is being planned
 */
public record StackWaitBoard(String stackName, String chapterId, String status, ResourcePhase phase, Duration waited,
        CancelOutcome cancelAnswer, List<Seen> seen, boolean settled) implements Board {

    /** A status the stack was seen in, {@code at} that long into the wait. */
    public record Seen(String status, ResourcePhase phase, Duration at) {
    }

    public StackWaitBoard {
        seen = List.copyOf(seen);
    }

    static StackWaitBoard started(String stackName, String chapterId, String status, ResourcePhase phase,
            CancelOutcome cancelAnswer) {
        return new StackWaitBoard(stackName, chapterId, status, phase, Duration.ZERO, cancelAnswer, List.of(), false);
    }

    /** The clock moved on; it never runs backwards and stops once the stack settled. */
    StackWaitBoard ticked(Duration now) {
        return settled || now.compareTo(waited) <= 0 ? this
                : new StackWaitBoard(stackName, chapterId, status, phase, now, cancelAnswer, seen, false);
    }

    StackWaitBoard changed(String now, ResourcePhase nowPhase, Duration at) {
        if (settled) {
            return this;
        }
        List<Seen> next = new ArrayList<>(seen);
        next.add(new Seen(now, nowPhase, at));
        return new StackWaitBoard(stackName, chapterId, now, nowPhase, max(waited, at), cancelAnswer, next, false);
    }

    /** The status it settled in; recorded as seen too when the waiting missed the move (it settled between polls). */
    StackWaitBoard settledIn(String now, ResourcePhase nowPhase, Duration at) {
        StackWaitBoard b = !now.equals(status) || seen.isEmpty() ? changed(now, nowPhase, at) : ticked(at);
        return new StackWaitBoard(b.stackName, b.chapterId, b.status, b.phase, b.waited, b.cancelAnswer, b.seen, true);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
