package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What is left after deleting the teardown picks: picked but still there (a failure), kept as the learner chose,
 * and how many EC2 resources of a kept stack remain (they go with their stack, so they are summed up, not listed).
 */
public record TeardownVerdict(List<TeardownItem> stillThere, List<TeardownItem> kept, int keptStackParts) {

    public TeardownVerdict {
        stillThere = List.copyOf(stillThere);
        kept = List.copyOf(kept);
    }

    public boolean pickedGone() {
        return stillThere.isEmpty();
    }

    /** The verdict as the teardown pane ends: verified, or what is still there, then what was kept. */
    public List<String> lines(boolean unicode) {
        List<String> lines = new ArrayList<>();
        if (stillThere.isEmpty() && kept.isEmpty() && keptStackParts == 0) {
            lines.add(Status.OK.symbol(unicode) + " Verified: nothing the tutorial created is left on this target.");
            return lines;
        }
        if (stillThere.isEmpty()) {
            lines.add(Status.OK.symbol(unicode) + " Verified: everything you picked is gone.");
        } else {
            lines.add(Status.FAILED.symbol(unicode) + " Picked but still there:");
            stillThere.forEach(r -> lines.add("  - " + describe(r)));
        }
        if (!kept.isEmpty() || keptStackParts > 0) {
            lines.add("Kept, as you chose (x lists them again):");
            kept.forEach(r -> lines.add("  - " + describe(r)));
            if (keptStackParts > 0) {
                lines.add("  - " + keptStackParts + " EC2 resource" + (keptStackParts == 1 ? "" : "s")
                        + " of the kept stack (they go when the stack goes)");
            }
        }
        return lines;
    }

    /** Name first: a long name then wraps at the space after it rather than in its middle. */
    private static String describe(TeardownItem r) {
        return r.name() + "  (" + r.kind() + ", " + r.state() + ")";
    }
}
