package dev.meshwalk.core;

import java.util.List;

/** The outcome of one update: the new state and the effects to run, in order. */
public record Next(State state, List<Effect> effects) {

    public Next {
        effects = List.copyOf(effects);
    }

    public static Next of(State state, Effect... effects) {
        return new Next(state, List.of(effects));
    }

    public boolean quits() {
        return effects.stream().anyMatch(e -> e instanceof Effect.Quit);
    }
}
