package dev.meshwalk.localcloud.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one apply of a template touched, so a rollback can undo exactly that and a successful update can clean
 * up the replaced resources. Written by parallel resource workers, hence the concurrent collections.
 */
final class AppliedChanges {

    /** Logical ids of resources the apply created (or tried to). */
    final Set<String> added = Collections.synchronizedSet(new LinkedHashSet<>());
    /** Resources replaced by a new physical resource: their state before. */
    final Map<String, StackResource> replaced = new ConcurrentHashMap<>();
    /** Resources updated in place: their state before. */
    final Map<String, StackResource> updated = new ConcurrentHashMap<>();
    /** Every logical id touched, in the order the apply touched them. */
    final List<String> order = Collections.synchronizedList(new ArrayList<>());
}
