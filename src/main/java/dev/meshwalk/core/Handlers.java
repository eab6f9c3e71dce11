package dev.meshwalk.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A table from each leaf class of a sealed hierarchy ({@link Msg}, {@link Effect}) to what handles it. Dispatch
 * looks up the value's exact class, so there is no if-chain that can forget a case, and a test can walk the
 * sealed hierarchy ({@code Class.getPermittedSubclasses()}) and prove every leaf has an entry: a new variant
 * without a handler fails a test, not a learner's session.
 *
 * @param <T> the sealed root
 * @param <H> what handles one value
 */
public final class Handlers<T, H> {

    private final String what;
    private final Map<Class<?>, H> table;

    private Handlers(String what, Map<Class<?>, H> table) {
        this.what = what;
        this.table = Map.copyOf(table);
    }

    /** An empty table; {@code what} names the hierarchy in the error for a value nobody handles. */
    public static <T, H> Builder<T, H> builder(String what) {
        return new Builder<>(what);
    }

    /** The handler of {@code value}'s kind; a kind without one is a programming error and fails loudly. */
    public H of(T value) {
        H handler = table.get(value.getClass());
        if (handler == null) {
            throw new IllegalStateException("no handler for the " + what + " " + value.getClass().getName()
                    + "; register one where the " + what + "s are handled");
        }
        return handler;
    }

    /** Every kind with a handler. */
    public Set<Class<?>> kinds() {
        return table.keySet();
    }

    /** Collects the entries; each kind at most once, so two places cannot both claim a value. */
    public static final class Builder<T, H> {
        private final String what;
        private final Map<Class<?>, H> table = new LinkedHashMap<>();

        private Builder(String what) {
            this.what = what;
        }

        public Builder<T, H> on(Class<? extends T> kind, H handler) {
            if (table.putIfAbsent(kind, handler) != null) {
                throw new IllegalStateException(kind.getName() + " has two handlers");
            }
            return this;
        }

        public Handlers<T, H> build() {
            return new Handlers<>(what, table);
        }
    }
}
