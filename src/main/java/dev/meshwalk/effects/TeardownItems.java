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

    /** What is left, split into picked-but-still-there (a failure) and kept (as chosen). */
    record Verdict(List<OwnedResource> stillThere, List<OwnedResource> kept) {

        boolean pickedGone() {
            return stillThere.isEmpty();
        }

        List<String> lines(boolean unicode) {
            List<String> lines = new ArrayList<>();
            if (stillThere.isEmpty() && kept.isEmpty()) {
                lines.add(Status.OK.symbol(unicode) + " Verified: nothing the tutorial created is left on this target.");
                return lines;
            }
            if (stillThere.isEmpty()) {
                lines.add(Status.OK.symbol(unicode) + " Verified: everything you picked is gone.");
            } else {
                lines.add(Status.FAILED.symbol(unicode) + " Picked but still there:");
                stillThere.forEach(r -> lines.add("  - " + describe(r)));
            }
            if (!kept.isEmpty()) {
                lines.add("Kept, as you chose (x lists them again):");
                kept.forEach(r -> lines.add("  - " + describe(r)));
            }
            return lines;
        }

        /** Name first: a long name then wraps at the space after it rather than in its middle. */
        private static String describe(OwnedResource r) {
            return r.name() + "  (" + r.kind().label() + ", " + r.state() + ")";
        }
    }

    static Verdict verify(List<OwnedResource> picked, List<OwnedResource> leftovers) {
        List<OwnedResource> stillThere = new ArrayList<>();
        List<OwnedResource> kept = new ArrayList<>();
        for (OwnedResource left : leftovers) {
            boolean wasPicked = picked.stream().anyMatch(p -> p.kind() == left.kind() && p.name().equals(left.name()));
            (wasPicked ? stillThere : kept).add(left);
        }
        return new Verdict(stillThere, kept);
    }
}
