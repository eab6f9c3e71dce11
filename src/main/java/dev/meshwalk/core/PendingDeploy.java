package dev.meshwalk.core;

import java.util.List;

/**
 * The deploy the deploy pane is in the middle of: what the learner ordered, the lines shown so far that stay above
 * the coming preview (on AWS the preflight and the estimate, then the image step's summary), and once planned the
 * change set the pane asks about. It lives in {@link State}, so an answer carries everything the effects need and
 * the effects keep no dialogue of their own.
 *
 * @param changeSet the change set waiting for a yes, or null before it is planned
 */
public record PendingDeploy(DeployOrder order, List<String> shown, ChangeSet changeSet) {

    public PendingDeploy {
        shown = List.copyOf(shown);
    }

    static PendingDeploy of(DeployOrder order) {
        return new PendingDeploy(order, List.of(), null);
    }

    PendingDeploy showing(List<String> lines) {
        return new PendingDeploy(order, lines, changeSet);
    }

    PendingDeploy planned(ChangeSet c) {
        return new PendingDeploy(order, shown, c);
    }
}
