package dev.meshwalk.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.DeployEvent;
import dev.meshwalk.cloud.DeployOutcome;
import dev.meshwalk.cloud.OwnedResource;
import dev.meshwalk.cloud.Teardown;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.TeardownItem;

/**
 * The teardown flow: lists what the tutorial created for the menu, deletes exactly the learner's picks with
 * progress, then checks what is left. Runs on {@code actions-cloud}, in order with the other stack operations.
 * {@link Teardown#remove} refuses anything that is not the tutorial's.
 */
final class TeardownEffects {

    private final TargetLink target;
    private final ActionSupport support;
    private final Consumer<Msg> post;
    private final RunningWork running;
    /** Stops the traffic loop (on its own thread) when the stack it sends to is deleted. */
    private final Runnable stopTraffic;
    /** Tells the core what the target holds now, so a "deployed" mark does not outlive its stack. */
    private final Consumer<CloudSession> checkDeployed;

    TeardownEffects(TargetLink target, ActionSupport support, Consumer<Msg> post, RunningWork running, Runnable stopTraffic,
            Consumer<CloudSession> checkDeployed) {
        this.target = target;
        this.support = support;
        this.post = post;
        this.running = running;
        this.stopTraffic = stopTraffic;
        this.checkDeployed = checkDeployed;
    }

    void inventory() {
        Optional<CloudSession> s = target.session(Action.TEARDOWN);
        if (s.isEmpty()) {
            return;
        }
        try {
            Teardown t = new Teardown(s.get(), support.stackName());
            List<TeardownItem> items = t.inventory().stream()
                    .map(r -> new TeardownItem(r.kind().label(), r.name(), r.state(), true)).toList();
            List<String> notes = new ArrayList<>(t.leftAlone()); // other projects' stacks: seen, not touched
            notes.addAll(t.warnings());
            post.accept(new Msg.TeardownListed(items, notes));
        } catch (RuntimeException e) {
            post.accept(new Msg.TeardownFailed(true, Failures.message(e)));
        }
    }

    /** Deletes the picks (none: nothing to do), then reports every picked item gone or still there. */
    void deletePicked(List<TeardownItem> picked) {
        if (picked.isEmpty()) {
            return;
        }
        List<OwnedResource> chosen = new ArrayList<>();
        for (TeardownItem item : picked) {
            Optional<OwnedResource.Kind> kind = TeardownItems.kindOf(item);
            if (kind.isEmpty()) {
                post.accept(new Msg.TeardownRefused(item));
                return;
            }
            chosen.add(new OwnedResource(kind.get(), item.name(), item.state()));
        }
        Optional<CloudSession> s = target.session(Action.TEARDOWN);
        if (s.isEmpty()) {
            return;
        }
        boolean stackPicked = chosen.stream().anyMatch(r -> r.kind() == OwnedResource.Kind.STACK);
        if (stackPicked) {
            stopTraffic.run();
        }
        running.set(RunningWork.Kind.TEARDOWN, true);
        post.accept(new Msg.TeardownStarted(picked, stackPicked));
        List<String> notices = new ArrayList<>();
        try {
            Teardown t = new Teardown(s.get(), support.stackName());
            List<DeployOutcome> outcomes = t.remove(chosen, event -> {
                if (stackPicked) {
                    PaneMessages.of(Action.TEARDOWN, event).ifPresent(post);
                } else if (event instanceof DeployEvent.Notice n) {
                    notices.add(n.message());
                }
            });
            PaneMessages.ended(Action.TEARDOWN, outcomes).ifPresent(post);
            boolean allDeleted = outcomes.stream().allMatch(DeployOutcome::success);
            post.accept(new Msg.TeardownVerified(allDeleted, notices, t.warnings(), TeardownItems.verify(chosen, t.leftovers())));
            if (stackPicked) {
                checkDeployed.accept(s.get());
            }
        } catch (RuntimeException e) {
            post.accept(new Msg.TeardownFailed(false, Failures.message(e)));
        } finally {
            running.set(RunningWork.Kind.TEARDOWN, false);
        }
    }
}
