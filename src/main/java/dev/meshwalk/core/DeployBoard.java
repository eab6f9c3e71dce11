package dev.meshwalk.core;

import dev.meshwalk.facts.EcsDeployment;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stack operation (deploy, deletion of a failed stack, teardown) as the learner follows it: one row per resource
 * in the order they first moved, the stack's status, the elapsed time, the progress counts, notices, and once it
 * ended how it ended. Folded from the {@code Msg.Deploy*} messages by {@link Update}; drawn by {@link BoardText}.
 *
 * <p>Folding is forgiving because status polling is: a resource event older than the row it would replace (an
 * out-of-order answer) is dropped, a repeated event changes nothing, and once the operation ended nothing but
 * nothing else moves the board, so a late poll cannot make a finished deploy look running again.
 *
 * @param title        what runs, e.g. "Chapter 0-prelude -> meshwalk-howto-ecs-basics"
 * @param rows         resource rows by logical id, in first-seen order
 * @param notices      things to know that are no status change ("waiting for the running update")
 * @param stackStatus  the stack's latest status ("starting" before the first one)
 * @param stackReason  CloudFormation's reason, kept only for a failure status (for a running stack it is noise)
 * @param stackElapsed when the latest stack status was seen, to drop older ones that arrive late
 * @param elapsed      the operation's total time so far
 * @param done         resources finished so far
 * @param total        resources the operation touches (planned changes, or resources being deleted)
 * @param deployments  the ECS service deployments the operation waits on (chapter 5's canary), by service name
 * @param ending       how it ended, or null while it runs
 */
public record DeployBoard(String title, Map<String, Row> rows, List<String> notices, String stackStatus,
        String stackReason, Duration stackElapsed, Duration elapsed, int done, int total,
        Map<String, EcsDeploymentTrack> deployments, Ending ending) implements Board {

    /** One resource's latest state; {@code reason} is CloudFormation's, shown for failures (null when none). */
    public record Row(String type, String status, ResourcePhase phase, Duration elapsed, String reason) {
    }

    /** A resource that failed, repeated at the end so it is not lost in scrollback. */
    public record Failure(String logicalId, String type, String status, String reason) {
    }

    /** How the operation ended; {@code outputs} are the stack's outputs (FrontEndpoint) on success. */
    public record Ending(boolean success, String stackName, String finalStatus, Duration elapsed,
            List<Failure> failures, Map<String, String> outputs) {
        public Ending {
            failures = List.copyOf(failures);
            outputs = Collections.unmodifiableMap(new TreeMap<>(outputs));
        }
    }

    public DeployBoard {
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        notices = List.copyOf(notices);
        deployments = Collections.unmodifiableMap(new LinkedHashMap<>(deployments));
    }

    /** The board as an operation starts: no rows yet, the stack "starting". */
    public static DeployBoard started(String title) {
        return new DeployBoard(title, Map.of(), List.of(), "starting", null, Duration.ZERO, Duration.ZERO, 0, 0, Map.of(), null);
    }

    public boolean ended() {
        return ending != null;
    }

    /** The pane's status: running until it ended, then ok or failed. */
    public Status status() {
        if (ending == null) {
            return Status.IN_PROGRESS;
        }
        return ending.success() ? Status.OK : Status.FAILED;
    }

    /** Resources per status, in the order the statuses first appear among the rows. */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> byStatus = new LinkedHashMap<>();
        rows.values().forEach(r -> byStatus.merge(r.phase().status(), 1, Integer::sum));
        return byStatus;
    }

    DeployBoard withResource(String logicalId, Row row, int doneNow, int totalNow) {
        Row old = rows.get(logicalId);
        if (ended() || row.equals(old) || old != null && row.elapsed().compareTo(old.elapsed()) < 0) {
            return this;
        }
        Map<String, Row> next = new LinkedHashMap<>(rows);
        next.put(logicalId, row);
        return new DeployBoard(title, next, notices, stackStatus, stackReason, stackElapsed, max(elapsed, row.elapsed()),
                Math.max(done, doneNow), Math.max(total, totalNow), deployments, null);
    }

    DeployBoard withStack(String status, String reasonIfFailed, Duration at) {
        if (ended() || at.compareTo(stackElapsed) < 0) {
            return this;
        }
        return new DeployBoard(title, rows, notices, status, reasonIfFailed, at, max(elapsed, at), done, total, deployments, null);
    }

    DeployBoard withNotice(String text) {
        if (ended()) {
            return this;
        }
        List<String> next = new java.util.ArrayList<>(notices);
        next.add(text);
        return new DeployBoard(title, rows, next, stackStatus, stackReason, stackElapsed, elapsed, done, total, deployments, null);
    }

    /** An ECS service deployment the operation waits on, polled {@code at} into the operation. */
    DeployBoard withDeployment(EcsDeployment d, Duration at) {
        EcsDeploymentTrack old = deployments.get(d.service());
        if (ended() || old != null && old.latest().equals(d)) {
            return this;
        }
        Map<String, EcsDeploymentTrack> next = new LinkedHashMap<>(deployments);
        next.put(d.service(), old == null ? EcsDeploymentTrack.first(d, at) : old.with(d, at));
        return new DeployBoard(title, rows, notices, stackStatus, stackReason, stackElapsed, max(elapsed, at), done, total,
                next, null);
    }

    DeployBoard withEnding(Ending e) {
        if (ended()) {
            return this; // the end is reported once; a repeat (or a late second one) changes nothing
        }
        return new DeployBoard(title, rows, notices, e.finalStatus(), null, stackElapsed, e.elapsed(), done, total, deployments, e);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
