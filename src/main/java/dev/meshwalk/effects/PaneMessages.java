package dev.meshwalk.effects;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.meshwalk.cloud.DeployEvent;
import dev.meshwalk.cloud.DeployOutcome;
import dev.meshwalk.cloud.ResourceTypes;
import dev.meshwalk.cloud.StackStatuses;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.DeployBoard;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.ResourcePhase;
import dev.meshwalk.core.TrafficAnswer;
import dev.meshwalk.core.TrafficSample;
import dev.meshwalk.traffic.ErrorKind;
import dev.meshwalk.traffic.TrafficEvent;
import dev.meshwalk.traffic.TrafficSummary;

/**
 * Translates what the cloud and the traffic loop report into the core's typed pane messages. Only words change
 * here (CloudFormation phases into {@link ResourcePhase}, error kinds into label and explanation); what the panes
 * show is decided by the core ({@code BoardText}).
 */
public final class PaneMessages {

    private PaneMessages() {
    }

    /**
     * The message for one event of a stack operation on {@code action}'s pane, or empty for the operation's end:
     * the caller posts {@link #ended} from the outcome the operation returns, so it is reported exactly once.
     */
    static Optional<Msg> of(Action action, DeployEvent event) {
        if (event instanceof DeployEvent.Notice n) {
            return Optional.of(new Msg.DeployNotice(action, n.message()));
        } else if (event instanceof DeployEvent.StackStatusChanged s) {
            return Optional.of(new Msg.DeployStackChanged(action, s.status(), StackStatuses.isFailure(s.status()),
                    s.reason().orElse(null), s.elapsed()));
        } else if (event instanceof DeployEvent.ServiceDeploymentChanged d) {
            return Optional.of(new Msg.EcsDeploymentChanged(action, d.deployment(), d.elapsed()));
        } else if (event instanceof DeployEvent.ResourceStatusChanged r) {
            return Optional.of(new Msg.DeployResourceChanged(action, r.logicalId(), ResourceTypes.shortName(r.resourceType()),
                    r.status(), ResourcePhase.valueOf(r.phase().name()), r.elapsed(), r.reason().orElse(null), r.done(),
                    r.total()));
        }
        return Optional.empty();
    }

    /** A stack status in the core's phases, for the symbol the panes draw. */
    static ResourcePhase phaseOf(String stackStatus) {
        return ResourcePhase.valueOf(StackStatuses.phase(stackStatus).name());
    }

    /** How one stack operation ended. */
    static Msg.DeployEnded ended(Action action, DeployOutcome o) {
        List<DeployBoard.Failure> failures = o.failures().stream().map(f -> new DeployBoard.Failure(f.logicalId(),
                ResourceTypes.shortName(f.resourceType()), f.status(), f.reason())).toList();
        return new Msg.DeployEnded(action, o.success(), o.stackName(), o.finalStatus(), o.elapsed(), failures, o.outputs());
    }

    /**
     * How several stack operations in a row ended (a teardown may delete more than one stack): successful only if
     * all were, the last final status, the summed time, every failure; empty when none ran.
     */
    static Optional<Msg.DeployEnded> ended(Action action, List<DeployOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Optional.empty();
        }
        if (outcomes.size() == 1) {
            return Optional.of(ended(action, outcomes.get(0)));
        }
        List<DeployBoard.Failure> failures = new ArrayList<>();
        Duration elapsed = Duration.ZERO;
        List<String> names = new ArrayList<>();
        for (DeployOutcome o : outcomes) {
            failures.addAll(ended(action, o).failures());
            elapsed = elapsed.plus(o.elapsed());
            names.add(o.stackName());
        }
        DeployOutcome last = outcomes.get(outcomes.size() - 1);
        return Optional.of(new Msg.DeployEnded(action, outcomes.stream().allMatch(DeployOutcome::success),
                String.join(", ", names), last.finalStatus(), elapsed, failures, Map.of()));
    }

    static TrafficAnswer answer(TrafficEvent e) {
        return new TrafficAnswer(e.sequence(), e.status(), e.color(), e.error().map(ErrorKind::label), e.latency(),
                e.detail());
    }

    static TrafficSample sample(TrafficSummary s, Duration interval, boolean running) {
        Map<ErrorKind, Long> byKind = new LinkedHashMap<>();
        s.errors().entrySet().stream().sorted(Comparator.comparing(Map.Entry::getKey))
                .forEach(e -> byKind.put(e.getKey(), e.getValue()));
        List<TrafficSample.ErrorCount> errors = byKind.entrySet().stream()
                .map(e -> new TrafficSample.ErrorCount(e.getKey().label(), e.getValue(), e.getKey().explanation())).toList();
        return new TrafficSample(s.requests(), s.succeeded(), s.colorCounts(), s.observedShare(), s.appShare(),
                s.requestsPerSecond(), s.p50(), s.p95(), errors, interval, running);
    }
}
