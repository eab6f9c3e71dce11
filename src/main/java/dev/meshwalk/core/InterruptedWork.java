package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What quitting interrupts, in the learner's words: before, the quit question names what still runs; after
 * (Ctrl-C, or the TUI's quit at once) while a deploy or a teardown ran, the note says that the tutorial only
 * watches the stack and CloudFormation carries on without it, where to look and how to go on. The scripted
 * {@code deploy} says the same with the stack's status, which it can still ask for.
 */
public final class InterruptedWork {

    private InterruptedWork() {
    }

    /**
     * The quit question's first line: what quitting now would leave or stop, named, so the learner can
     * weigh it (the traffic loop stops with us; a deploy or teardown carries on in CloudFormation).
     */
    public static String stillRunning(State s) {
        List<String> running = new ArrayList<>();
        if (inProgress(s, Action.DEPLOY)) {
            running.add("a deploy");
        }
        if (inProgress(s, Action.TEARDOWN)) {
            running.add("a teardown");
        }
        if (s.trafficBoard() != null && s.trafficBoard().sample().running()) {
            running.add("the traffic loop");
        }
        return running.isEmpty() ? "Something is still running."
                : "Still running: " + String.join(" and ", running) + ".";
    }

    /** The lines to print after the front-end ended, or none when nothing was running. */
    public static List<String> note(State s) {
        if (inProgress(s, Action.DEPLOY)) {
            return List.of("", "Interrupted during a deploy; CloudFormation carries on without us.",
                    "  - see where the stack is: status",
                    "  - continue: deploy the chapter again once it has settled",
                    "  - remove everything: teardown");
        }
        if (inProgress(s, Action.TEARDOWN)) {
            return List.of("", "Interrupted during a teardown; CloudFormation carries on without us.",
                    "  - see where the stack is: status",
                    "  - finish and check that nothing is left: teardown");
        }
        return List.of();
    }

    private static boolean inProgress(State s, Action action) {
        return s.actions().get(action).status() == Status.IN_PROGRESS;
    }
}
