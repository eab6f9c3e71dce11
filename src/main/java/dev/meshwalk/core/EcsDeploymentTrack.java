package dev.meshwalk.core;

import dev.meshwalk.facts.EcsDeployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One ECS service deployment followed over a stack operation: its latest poll and the moments its phase changed
 * (and, while traffic shifts, each new share), so the pane reads as a short history: started, canary, all traffic,
 * completed, or rolled back. Immutable; folded by {@link DeployBoard}, worded by {@link EcsDeploymentText}.
 *
 * @param latest  the newest poll
 * @param moments each phase (or traffic share) change, oldest first, with the operation's elapsed time
 */
public record EcsDeploymentTrack(EcsDeployment latest, List<Moment> moments) {

    /** A phase change: when, and the deployment as it was then. */
    public record Moment(Duration at, EcsDeployment seen) {
    }

    public EcsDeploymentTrack {
        moments = List.copyOf(moments);
    }

    public static EcsDeploymentTrack first(EcsDeployment d, Duration at) {
        return new EcsDeploymentTrack(d, List.of(new Moment(at, d)));
    }

    /** This track with a newer poll: a moment more when the phase or the shifted share changed. */
    public EcsDeploymentTrack with(EcsDeployment d, Duration at) {
        EcsDeployment before = moments.get(moments.size() - 1).seen();
        boolean moved = d.phase() != before.phase()
                || d.phase() == EcsDeployment.Phase.SHIFTING && d.newShare() != before.newShare();
        if (!moved) {
            return new EcsDeploymentTrack(d, moments);
        }
        List<Moment> next = new ArrayList<>(moments);
        next.add(new Moment(at, d));
        return new EcsDeploymentTrack(d, next);
    }
}
