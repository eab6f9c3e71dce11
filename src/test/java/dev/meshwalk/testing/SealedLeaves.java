package dev.meshwalk.testing;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The concrete kinds of a sealed hierarchy, found by walking {@link Class#getPermittedSubclasses()} down through
 * sealed sub-interfaces: the list a "every kind is handled" test checks, so it grows by itself with the hierarchy.
 */
public final class SealedLeaves {

    private SealedLeaves() {
    }

    /** Every leaf under {@code root}; a permitted subtype that is neither sealed nor final cannot be proven. */
    public static Set<Class<?>> of(Class<?> root) {
        if (!root.isSealed()) {
            throw new IllegalArgumentException(root.getName() + " is not sealed: its kinds cannot be listed");
        }
        Set<Class<?>> leaves = new LinkedHashSet<>();
        for (Class<?> sub : root.getPermittedSubclasses()) {
            if (sub.isSealed()) {
                leaves.addAll(of(sub));
            } else if (java.lang.reflect.Modifier.isFinal(sub.getModifiers()) || sub.isEnum()) {
                leaves.add(sub);
            } else {
                throw new IllegalArgumentException(sub.getName() + " is non-sealed: its subclasses cannot be listed;"
                        + " make it sealed or final");
            }
        }
        return leaves;
    }
}
