package dev.meshwalk.core;

import java.util.Objects;

/**
 * One preflight result: how serious, what was found, and what to do about it.
 *
 * @param level    {@link Level#STOP} findings keep the deploy from starting
 * @param message  what was found, in plain words
 * @param nextStep what the learner can do (empty when nothing is needed)
 */
public record Finding(Level level, String message, String nextStep) {

    /** How a finding affects the deploy. */
    public enum Level {
        /** Checked and fine. */
        OK,
        /** Worth knowing; does not block. */
        NOTE,
        /** Likely to make the deploy fail; the deploy still may go ahead. */
        WARN,
        /** The deploy cannot work; nothing is created. */
        STOP
    }

    public Finding {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        nextStep = nextStep == null ? "" : nextStep;
    }

    /** Line form for the terminal, e.g. {@code [warn] ... -> next step}. */
    public String line() {
        return "[" + level.name().toLowerCase(java.util.Locale.ROOT) + "] " + message
                + (nextStep.isEmpty() ? "" : System.lineSeparator() + "       next: " + nextStep);
    }
}
