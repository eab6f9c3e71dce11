package dev.meshwalk.effects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import dev.meshwalk.cloud.DeployEvent;
import dev.meshwalk.cloud.DeployOutcome;
import dev.meshwalk.cloud.StackStatuses;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.BoardText;
import dev.meshwalk.core.DeployBoard;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.ResourcePhase;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Target;
import dev.meshwalk.core.TrafficAnswer;
import dev.meshwalk.core.TrafficSample;
import dev.meshwalk.core.Update;
import dev.meshwalk.traffic.ErrorKind;
import dev.meshwalk.traffic.TrafficEvent;
import dev.meshwalk.traffic.TrafficSummary;

/** The effects' translation of cloud and traffic reports into the core's typed pane messages. */
class PaneMessagesTest {

    @Test
    void everyCloudFormationPhaseHasACorePhaseOfTheSameMeaning() {
        for (StackStatuses.Phase p : StackStatuses.Phase.values()) {
            Msg m = PaneMessages.of(Action.DEPLOY, new DeployEvent.ResourceStatusChanged("Id", "AWS::ECS::Service", "S", p,
                    Optional.empty(), Duration.ZERO, 0, 1)).orElseThrow();
            assertThat(((Msg.DeployResourceChanged) m).phase()).isEqualTo(ResourcePhase.valueOf(p.name()));
        }
    }

    @Test
    void aResourceEventKeepsItsNumbersAndGetsTheShortType() {
        Msg m = PaneMessages.of(Action.TEARDOWN, new DeployEvent.ResourceStatusChanged("Lb",
                "AWS::ElasticLoadBalancingV2::LoadBalancer", "DELETE_FAILED", StackStatuses.Phase.FAILED,
                Optional.of("in use"), Duration.ofMillis(1500), 2, 5)).orElseThrow();
        assertThat(m).isEqualTo(new Msg.DeployResourceChanged(Action.TEARDOWN, "Lb", "ElasticLoadBalancingV2::LoadBalancer",
                "DELETE_FAILED", ResourcePhase.FAILED, Duration.ofMillis(1500), "in use", 2, 5));
    }

    @Test
    void theStackStatusSaysWhetherItIsAFailureAndTheEndIsLeftToTheCaller() {
        Msg running = PaneMessages.of(Action.DEPLOY, new DeployEvent.StackStatusChanged("s", "UPDATE_IN_PROGRESS",
                Optional.of("User Initiated"), Duration.ofSeconds(1))).orElseThrow();
        Msg failing = PaneMessages.of(Action.DEPLOY, new DeployEvent.StackStatusChanged("s", "UPDATE_ROLLBACK_IN_PROGRESS",
                Optional.of("Resource failed"), Duration.ofSeconds(2))).orElseThrow();
        assertThat(((Msg.DeployStackChanged) running).failed()).isFalse();
        assertThat(((Msg.DeployStackChanged) failing).failed()).isTrue();
        assertThat(PaneMessages.of(Action.DEPLOY, new DeployEvent.Notice("waiting"))).contains(new Msg.DeployNotice(Action.DEPLOY, "waiting"));
        assertThat(PaneMessages.of(Action.DEPLOY, new DeployEvent.Finished(outcome("s", true, List.of())))).isEmpty();
    }

    private static DeployOutcome outcome(String name, boolean ok, List<DeployOutcome.ResourceFailure> failures) {
        return new DeployOutcome(name, ok, ok ? "DELETE_COMPLETE" : "DELETE_FAILED", Duration.ofSeconds(2), Map.of(),
                failures, ok ? Map.of("FrontEndpoint", "http://127.0.0.2:8080") : Map.of());
    }

    @Test
    void anOutcomeBecomesOneEndWithShortTypesAndOutputs() {
        Msg.DeployEnded end = PaneMessages.ended(Action.DEPLOY, outcome("s", false, List.of(
                new DeployOutcome.ResourceFailure("Svc", "AWS::ECS::Service", "DELETE_FAILED", "still draining"))));
        assertThat(end.failures()).containsExactly(new DeployBoard.Failure("Svc", "ECS::Service", "DELETE_FAILED", "still draining"));
        assertThat(end.success()).isFalse();
        assertThat(PaneMessages.ended(Action.DEPLOY, outcome("s", true, List.of())).outputs())
                .containsEntry("FrontEndpoint", "http://127.0.0.2:8080");
    }

    @Test
    void severalTeardownOutcomesEndOnceWithEveryFailureAndNoneEndNothing() {
        Msg.DeployEnded end = PaneMessages.ended(Action.TEARDOWN, List.of(outcome("a", true, List.of()),
                outcome("b", false, List.of(new DeployOutcome.ResourceFailure("Svc", "AWS::ECS::Service", "DELETE_FAILED", "x")))))
                .orElseThrow();
        assertThat(end.success()).isFalse();
        assertThat(end.stackName()).isEqualTo("a, b");
        assertThat(end.elapsed()).isEqualTo(Duration.ofSeconds(4));
        assertThat(end.failures()).hasSize(1);
        assertThat(end.outputs()).isEmpty();
        assertThat(PaneMessages.ended(Action.TEARDOWN, List.of())).isEmpty();
    }

    @Test
    void everyTrafficErrorKindReachesThePaneWithItsLabelCountAndExplanationInAFixedOrder() {
        Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
        long n = 1;
        for (ErrorKind k : ErrorKind.values()) {
            errors.put(k, n++);
        }
        TrafficSummary summary = new TrafficSummary(30, 2, Map.of("green", 2L), Map.of("green", 1.0), Map.of("green", 1.0),
                1.5, Duration.ofMillis(4), Duration.ofMillis(12), errors);
        TrafficSample sample = PaneMessages.sample(summary, Duration.ofSeconds(1), true);
        assertThat(sample.errors()).extracting(TrafficSample.ErrorCount::kind)
                .containsExactly(java.util.Arrays.stream(ErrorKind.values()).map(ErrorKind::label).toArray(String[]::new));

        State s = State.initial(List.of(), new Size(100, 30), true, Target.local(), "log");
        s = Update.apply(s, new Msg.TrafficStarted("http://127.0.0.2:8080", Duration.ofSeconds(1))).state();
        s = Update.apply(s, new Msg.TrafficSampled(sample)).state();
        String text = String.join("\n", BoardText.pane(s.actions().get(Action.TRAFFIC), true));
        n = 1;
        for (ErrorKind k : ErrorKind.values()) {
            assertThat(text).contains(String.format(java.util.Locale.ROOT, "  ✘ %-10s %4d  %s", k.label(), n++, k.explanation()));
        }
        assertThat(text).contains("30 requests, 2 ok, 28 failed   1.5 req/s   latency p50 4 ms  p95 12 ms");
    }

    @Test
    void aFailedAnswerCarriesItsKindsLabelAndDetail() {
        TrafficAnswer a = PaneMessages.answer(new TrafficEvent(7, Instant.EPOCH, OptionalInt.empty(), Optional.empty(),
                Map.of(), Duration.ofMillis(5000), Optional.of(ErrorKind.TIMEOUT), "no answer after 5 s"));
        assertThat(a.ok()).isFalse();
        assertThat(a.error()).contains("timeout");
        assertThat(a.detail()).isEqualTo("no answer after 5 s");
        TrafficAnswer ok = PaneMessages.answer(new TrafficEvent(8, Instant.EPOCH, OptionalInt.of(200), Optional.of("blue"),
                Map.of("blue", 1.0), Duration.ofMillis(3), Optional.empty(), ""));
        assertThat(ok.ok()).isTrue();
        assertThat(ok.color()).contains("blue");
        assertThat(ok.httpStatus()).hasValue(200);
    }
}
