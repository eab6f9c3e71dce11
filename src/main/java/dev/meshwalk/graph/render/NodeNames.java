package dev.meshwalk.graph.render;

import dev.meshwalk.graph.ServiceNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Short, unambiguous display names for the nodes of one map.
 *
 * <p>Envoy names its segments {@code <mesh>/<virtual node>}, and App Mesh users tend to repeat the mesh in
 * the node name ({@code howto-basics/howto-basics-color-node}), so the map would show the same 26 characters
 * on every proxy. We drop the shared mesh part, then a prefix all those names share (at a {@code -} boundary),
 * and say so once in the legend. A shortened name that would equal another node's name is not shortened.
 * Names longer than the box lose their middle ({@code front-…-node}), never their ends, and the cut moves
 * until no two names look the same.
 */
public final class NodeNames {

    private final Map<Integer, String> shortNames;
    private final String droppedPrefix;

    private NodeNames(Map<Integer, String> shortNames, String droppedPrefix) {
        this.shortNames = shortNames;
        this.droppedPrefix = droppedPrefix;
    }

    /** Works out the short names of all nodes. Client nodes are called "clients", as the console does. */
    public static NodeNames of(List<ServiceNode> nodes) {
        List<ServiceNode> meshNamed = new ArrayList<>();
        Set<String> meshes = new HashSet<>();
        for (ServiceNode n : nodes) {
            int slash = n.name().indexOf('/');
            if (!n.isClient() && slash > 0 && slash < n.name().length() - 1) {
                meshNamed.add(n);
                meshes.add(n.name().substring(0, slash));
            }
        }
        Map<Integer, String> names = new HashMap<>();
        for (ServiceNode n : nodes) {
            names.put(n.referenceId(), n.isClient() ? "clients" : n.name());
        }
        String dropped = "";
        if (meshes.size() == 1 && !meshNamed.isEmpty()) {
            String mesh = meshes.iterator().next();
            String meshPart = mesh + "/";
            List<String> rests = new ArrayList<>();
            for (ServiceNode n : meshNamed) {
                rests.add(n.name().substring(meshPart.length()));
            }
            String common = commonDashPrefix(rests);
            if (common.isEmpty() && rests.stream().allMatch(r -> r.startsWith(mesh + "-") && r.length() > mesh.length() + 1)) {
                common = mesh + "-";
            }
            Map<Integer, String> proposal = new HashMap<>(names);
            for (ServiceNode n : meshNamed) {
                proposal.put(n.referenceId(), n.name().substring(meshPart.length() + common.length()));
            }
            if (unique(proposal, nodes)) {
                names = proposal;
                dropped = meshPart + common;
            } else {
                proposal = new HashMap<>(names);
                for (ServiceNode n : meshNamed) {
                    proposal.put(n.referenceId(), n.name().substring(meshPart.length()));
                }
                if (unique(proposal, nodes)) {
                    names = proposal;
                    dropped = meshPart;
                }
            }
        }
        return new NodeNames(names, dropped);
    }

    /** The longest prefix ending in '-' that all names share and that leaves something of each. */
    private static String commonDashPrefix(List<String> names) {
        if (names.size() < 2) {
            return "";
        }
        String first = names.get(0);
        int end = first.length();
        for (String s : names) {
            int i = 0;
            while (i < Math.min(end, s.length()) && s.charAt(i) == first.charAt(i)) {
                i++;
            }
            end = i;
        }
        int dash = first.lastIndexOf('-', end - 1);
        if (dash < 0) {
            return "";
        }
        String prefix = first.substring(0, dash + 1);
        for (String s : names) {
            if (s.length() <= prefix.length()) {
                return "";
            }
        }
        return prefix;
    }

    private static boolean unique(Map<Integer, String> names, List<ServiceNode> nodes) {
        Set<String> seen = new HashSet<>();
        for (ServiceNode n : nodes) {
            if (!n.isClient() && !seen.add(names.get(n.referenceId()))) {
                return false;
            }
        }
        return true;
    }

    /** The short name of a node (before fitting to a width). */
    public String name(int referenceId) {
        return shortNames.get(referenceId);
    }

    /** The part cut from the front of mesh-named nodes, for the legend; empty when none. */
    public String droppedPrefix() {
        return droppedPrefix;
    }

    /** The longest short name of a non-client node. */
    public int longest() {
        int max = 0;
        for (String s : shortNames.values()) {
            max = Math.max(max, s.length());
        }
        return max;
    }

    /**
     * Names of at most {@code width} characters, cut in the middle with {@code ellipsis}; where two cut names
     * would look alike, the cut moves (keeping more of the end) until they differ.
     */
    public Map<Integer, String> fitted(int width, char ellipsis) {
        Map<Integer, String> out = new HashMap<>();
        Map<String, Integer> taken = new HashMap<>();
        List<Integer> ids = new ArrayList<>(shortNames.keySet());
        ids.sort(null);
        for (int id : ids) {
            String full = shortNames.get(id);
            if (full.length() <= width) {
                out.put(id, full);
                taken.putIfAbsent(full, id);
            }
        }
        for (int id : ids) {
            String full = shortNames.get(id);
            if (full.length() <= width) {
                continue;
            }
            String chosen = null;
            int keep = Math.max(0, width - 1);
            int headDefault = (keep + 1) / 2;
            for (int delta = 0; delta <= keep && chosen == null; delta++) {
                for (int head : new int[] {headDefault - delta, headDefault + delta}) {
                    if (head < 0 || head > keep) {
                        continue;
                    }
                    String candidate = full.substring(0, head) + ellipsis + full.substring(full.length() - (keep - head));
                    if (!taken.containsKey(candidate)) {
                        chosen = candidate;
                        break;
                    }
                }
            }
            if (chosen == null) {
                chosen = full.substring(0, headDefault) + ellipsis + full.substring(full.length() - (keep - headDefault));
            }
            out.put(id, chosen);
            taken.putIfAbsent(chosen, id);
        }
        return out;
    }
}
