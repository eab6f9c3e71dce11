package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The deploy the deploy pane is in the middle of: what the learner ordered, what was shown on the way that stays
 * above the coming preview (on AWS the preflight and the estimate, then the images' upload summary), and once
 * planned the change set the pane asks about. It lives in {@link State}, so an answer carries everything the
 * effects need and the effects keep no dialogue of their own.
 *
 * @param gate      the AWS preflight and estimate lines (empty elsewhere)
 * @param images    the image step's lines (empty where there is none)
 * @param changeSet the change set waiting for a yes, or null before it is planned
 */
public record PendingDeploy(DeployOrder order, List<String> gate, List<String> images, ChangeSet changeSet) {

    public PendingDeploy {
        gate = List.copyOf(gate);
        images = List.copyOf(images);
    }

    static PendingDeploy of(DeployOrder order) {
        return new PendingDeploy(order, List.of(), List.of(), null);
    }

    PendingDeploy withGate(List<String> lines) {
        return new PendingDeploy(order, lines, images, changeSet);
    }

    PendingDeploy withImages(List<String> lines) {
        return new PendingDeploy(order, gate, lines, changeSet);
    }

    PendingDeploy planned(ChangeSet c) {
        return new PendingDeploy(order, gate, images, c);
    }

    /** Everything shown so far, in order: the gate, then the images. */
    List<String> shown() {
        List<String> lines = new ArrayList<>(gate);
        lines.addAll(images);
        return lines;
    }
}
