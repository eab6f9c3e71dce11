package dev.meshwalk.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.meshwalk.cloud.OwnedResource;
import dev.meshwalk.core.Status;
import dev.meshwalk.core.TeardownItem;

/**
 * Between the core's teardown menu and the cloud's {@link OwnedResource}s: maps a picked menu item back to the
 * resource it names, and judges what is left after deleting the picks (picked but still there is a failure; not
 * picked and still there is what the learner chose to keep).
 */
final class TeardownItems {

    private TeardownItems() {
    }

    /** The cloud kind whose label the item carries, if any. */
    static Optional<OwnedResource.Kind> kindOf(TeardownItem item) {
        for (OwnedResource.Kind k : OwnedResource.Kind.values()) {
            if (k.label().equals(item.kind())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * What is left, split into picked-but-still-there (a failure) and kept (as chosen). {@code keptStackParts}
     * counts the EC2 resources still tagged as ours while their stack was kept: they belong to it, so they are
     * summed up in one line rather than listed.
     */
    record Verdict(List<OwnedResource> stillThere, List<OwnedResource> kept, int keptStackParts) {

        boolean pickedGone() {
            return stillThere.isEmpty();
        }

        List<String> lines(boolean unicode) {
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
        private static String describe(OwnedResource r) {
            return r.name() + "  (" + r.kind().label() + ", " + r.state() + ")";
        }
    }

    /**
     * Judges the leftovers against the picks. EC2 resources are never picked (they go with their stack): left
     * after a picked stack was deleted they are a failure, left beside a kept stack they are part of it.
     */
    static Verdict verify(List<OwnedResource> picked, List<OwnedResource> leftovers) {
        boolean stackPicked = picked.stream().anyMatch(p -> p.kind() == OwnedResource.Kind.STACK);
        List<OwnedResource> stillThere = new ArrayList<>();
        List<OwnedResource> kept = new ArrayList<>();
        int keptStackParts = 0;
        for (OwnedResource left : leftovers) {
            if (left.kind() == OwnedResource.Kind.EC2_RESOURCE) {
                if (stackPicked) {
                    stillThere.add(left);
                } else {
                    keptStackParts++;
                }
                continue;
            }
            boolean wasPicked = picked.stream().anyMatch(p -> p.kind() == left.kind() && p.name().equals(left.name()));
            (wasPicked ? stillThere : kept).add(left);
        }
        return new Verdict(stillThere, kept, keptStackParts);
    }
}
