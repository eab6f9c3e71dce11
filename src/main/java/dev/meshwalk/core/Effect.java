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

    /** Write these marks; a failure is answered with {@link Msg.ProgressSaveFailed}. */
    record SaveProgress(Map<String, Mark> marks) implements Effect {
        public SaveProgress {
            marks = Map.copyOf(marks);
        }
    }

    /** Leave the tutorial: the front-end restores the terminal and returns. */
    record Quit() implements Effect {
    }
}
