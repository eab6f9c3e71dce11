package dev.meshwalk.core;

import java.util.Locale;
import java.util.Optional;

/**
 * How far the learner got in one chapter. Only moves forward (a deployed chapter never goes back to "read"
 * because its text was opened again); see {@link #atLeast(Mark)}.
 */
public enum Mark {
    NOT_STARTED(Status.NOT_STARTED), READ(Status.READ), DEPLOYED(Status.DEPLOYED), DONE(Status.DONE);

    private final Status status;

    Mark(Status status) {
        this.status = status;
    }

    public Status status() {
        return status;
    }

    /** This mark or {@code other}, whichever is further along. */
    public Mark atLeast(Mark other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Reads a saved mark by name, ignoring case; unknown names are empty so a newer file never crashes us. */
    public static Optional<Mark> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
