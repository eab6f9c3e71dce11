package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds Msgs through {@link Update#apply} as the front-ends do and keeps every effect the core asked for, so an
 * update test reads as "these keys, then this state and these effects".
 */
final class UpdateDriver {

    /** Every effect asked for so far, in order. */
    final List<Effect> effects = new ArrayList<>();

    State send(State s, Msg... msgs) {
        for (Msg m : msgs) {
            Next next = Update.apply(s, m);
            effects.addAll(next.effects());
            s = next.state();
        }
        return s;
    }

    static Msg key(char c) {
        return new Msg.KeyPressed(Key.ch(c));
    }

    static Msg key(Key.Kind k) {
        return new Msg.KeyPressed(Key.of(k));
    }
}
