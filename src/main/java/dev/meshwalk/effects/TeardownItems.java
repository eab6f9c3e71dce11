package dev.meshwalk.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.meshwalk.cloud.OwnedResource;
import dev.meshwalk.core.TeardownItem;
import dev.meshwalk.core.TeardownVerdict;

/**
 * Between the core's teardown menu and the cloud's {@link OwnedResource}s: maps a picked menu item back to the
 * resource it names, and judges what is left after deleting the picks (picked but still there is a failure; not
 * picked and still there is what the learner chose to keep); the core words the verdict.
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
     * Judges the leftovers against the picks. EC2 resources are never picked (they go with their stack): left
     * after a picked stack was deleted they are a failure, left beside a kept stack they are part of it. A stack's
     * alarm is only reported once the stack is gone: a failure after a picked stack, else listed as kept.
     */
    static TeardownVerdict verify(List<OwnedResource> picked, List<OwnedResource> leftovers) {
        boolean stackPicked = picked.stream().anyMatch(p -> p.kind() == OwnedResource.Kind.STACK);
        List<TeardownItem> stillThere = new ArrayList<>();
        List<TeardownItem> kept = new ArrayList<>();
        int keptStackParts = 0;
        for (OwnedResource left : leftovers) {
            if (left.kind() == OwnedResource.Kind.EC2_RESOURCE) {
                if (stackPicked) {
                    stillThere.add(item(left));
                } else {
                    keptStackParts++;
                }
                continue;
            }
            if (left.kind() == OwnedResource.Kind.STACK_ALARM && stackPicked) {
                stillThere.add(item(left)); // reported only once the stack is gone, which should have taken it along
                continue;
            }
            boolean wasPicked = picked.stream().anyMatch(p -> p.kind() == left.kind() && p.name().equals(left.name()));
            (wasPicked ? stillThere : kept).add(item(left));
        }
        return new TeardownVerdict(stillThere, kept, keptStackParts);
    }

    private static TeardownItem item(OwnedResource r) {
        return new TeardownItem(r.kind().label(), r.name(), r.state(), false);
    }
}
