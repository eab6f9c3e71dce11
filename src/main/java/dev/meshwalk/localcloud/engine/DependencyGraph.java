package dev.meshwalk.localcloud.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which resources must exist before which: edges from {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} and
 * {@code DependsOn}. Creation walks it forwards, deletion backwards; a cycle is refused up front with the
 * resources on it named, as CloudFormation does.
 */
public final class DependencyGraph {

    private final Map<String, Set<String>> dependsOn;

    private DependencyGraph(Map<String, Set<String>> dependsOn) {
        this.dependsOn = dependsOn;
    }

    /** Builds the graph of the given resources; references to names outside {@code nodes} are ignored. */
    static DependencyGraph of(Map<String, Set<String>> references) {
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        for (var e : references.entrySet()) {
            Set<String> d = new LinkedHashSet<>();
            for (String r : e.getValue()) {
                if (references.containsKey(r) && !r.equals(e.getKey())) {
                    d.add(r);
                } else if (r.equals(e.getKey())) {
                    throw CfnException.templateFormat("Circular dependency between resources: [" + r + "]");
                }
            }
            deps.put(e.getKey(), d);
        }
        DependencyGraph g = new DependencyGraph(deps);
        g.order();
        return g;
    }

    public Set<String> nodes() {
        return Collections.unmodifiableSet(dependsOn.keySet());
    }

    public Set<String> dependenciesOf(String node) {
        return dependsOn.getOrDefault(node, Set.of());
    }

    /** Nodes that depend on {@code node}. */
    public Set<String> dependentsOf(String node) {
        Set<String> out = new LinkedHashSet<>();
        dependsOn.forEach((k, v) -> {
            if (v.contains(node)) {
                out.add(k);
            }
        });
        return out;
    }

    /** The reverse graph: what deletion must respect (dependents go first). */
    public DependencyGraph reversed() {
        Map<String, Set<String>> rev = new LinkedHashMap<>();
        dependsOn.keySet().forEach(n -> rev.put(n, new LinkedHashSet<>()));
        dependsOn.forEach((k, v) -> v.forEach(d -> rev.get(d).add(k)));
        return new DependencyGraph(rev);
    }

    /** A topological order (dependencies first); throws naming the cycle's members when there is one. */
    public List<String> order() {
        List<String> out = new ArrayList<>();
        Map<String, Integer> state = new LinkedHashMap<>();
        for (String n : dependsOn.keySet()) {
            visit(n, state, out, new ArrayList<>());
        }
        return out;
    }

    private void visit(String n, Map<String, Integer> state, List<String> out, List<String> path) {
        Integer s = state.get(n);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            List<String> cycle = path.subList(path.indexOf(n), path.size());
            throw CfnException.templateFormat("Circular dependency between resources: " + new TreeSet<>(cycle));
        }
        state.put(n, 1);
        path.add(n);
        for (String d : dependsOn.getOrDefault(n, Set.of())) {
            visit(d, state, out, path);
        }
        path.remove(path.size() - 1);
        state.put(n, 2);
        out.add(n);
    }
}
