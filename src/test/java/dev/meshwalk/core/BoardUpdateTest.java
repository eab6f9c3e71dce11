package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import dev.meshwalk.content.Chapter;

/**
 * How the typed progress Msgs of stack operations and of the traffic loop fold into State, and the lines
 * {@link BoardText} draws from it (the same lines in the TUI and in line mode).
 */
class BoardUpdateTest {

    private static final List<Chapter> CHAPTERS = List.of(
            new Chapter(0, "0-prelude", "Prelude", "stacks/0-prelude.yaml", "# Prelude\n\nShort.", null));

    private static State start(boolean unicode) {
        return State.initial(CHAPTERS, new Size(100, 30), unicode, Target.local(), "/tmp/log");
    }

    private static State send(State s, Msg... msgs) {
        for (Msg m : msgs) {
            s = Update.apply(s, m).state();
        }
        return s;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static final DeployOrder PRELUDE = DeployOrder.of("0-prelude");

    /** A deploy of chapter 0 to this stack, or a teardown of this one picked stack. */
    private static Msg started(Action a, String stack) {
        return a == Action.DEPLOY ? new Msg.DeployStarted(PRELUDE, stack)
                : new Msg.TeardownStarted(List.of(new TeardownItem("CloudFormation stack", stack, "CREATE_COMPLETE", true)), true);
    }

    private static Msg resource(String id, String type, String status, ResourcePhase phase, long millis, String reason,
            int done, int total) {
        return new Msg.DeployResourceChanged(Action.DEPLOY, id, type, status, phase, ms(millis), reason, done, total);
    }

    private static Msg stack(String status, boolean failed, String reason, long millis) {
        return new Msg.DeployStackChanged(Action.DEPLOY, status, failed, reason, ms(millis));
    }

    private static List<String> lines(State s, Action a) {
        return BoardText.pane(s.actions().get(a), s.unicode());
    }

    // ---- deploy ---------------------------------------------------------------------------------------------

    @Test
    void aLogicalIdLongerThanItsColumnIsCutSoItsStatusLinesUpWithTheOtherRows() {
        State s = send(start(true), started(Action.DEPLOY, "meshwalk"),
                resource("Cluster", "ECS::Cluster", "CREATE_COMPLETE", ResourcePhase.DONE, 1200, null, 1, 2),
                resource("TaskIngressFromPublicLoadBalancer", "EC2::SecurityGroupIngress", "CREATE_COMPLETE",
                        ResourcePhase.DONE, 1500, null, 2, 2));

        assertThat(lines(s, Action.DEPLOY)).contains(
                " ✓   1.2 s  Cluster                         CREATE_COMPLETE      ECS::Cluster",
                " ✓   1.5 s  TaskIngressFromPublicLoadBala~  CREATE_COMPLETE      EC2::SecurityGroupIngress");
    }

    @Test
    void aDeployFoldsIntoRowsCountsAndTheHeaderThenShowsOutputsAndTheNextStep() {
        State s = send(start(true), started(Action.DEPLOY, "meshwalk"),
                stack("CREATE_IN_PROGRESS", false, "User Initiated", 100),
                resource("Cluster", "ECS::Cluster", "CREATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS, 300, null, 0, 2),
                resource("Cluster", "ECS::Cluster", "CREATE_COMPLETE", ResourcePhase.DONE, 1200, null, 1, 2),
                resource("FrontService", "ECS::Service", "CREATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS, 2500, null, 1, 2));

        DeployBoard b = s.deployBoard(Action.DEPLOY);
        assertThat(b.rows()).containsOnlyKeys("Cluster", "FrontService");
        assertThat(b.rows().get("Cluster").phase()).isEqualTo(ResourcePhase.DONE);
        assertThat(b.done()).isEqualTo(1);
        assertThat(b.total()).isEqualTo(2);
        assertThat(b.elapsed()).isEqualTo(ms(2500));
        assertThat(b.counts()).containsExactly(Map.entry(Status.OK, 1), Map.entry(Status.IN_PROGRESS, 1));
        assertThat(s.actions().get(Action.DEPLOY).status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(lines(s, Action.DEPLOY)).as("the running stack's reason is noise and not shown").containsExactly(
                "Chapter 0-prelude -> meshwalk   2.5 s   CREATE_IN_PROGRESS",
                "███████████████░░░░░░░░░░░░░░░  1/2 resources   1 ok, 1 in progress",
                " ✓   1.2 s  Cluster                         CREATE_COMPLETE      ECS::Cluster",
                " ◌   2.5 s  FrontService                    CREATE_IN_PROGRESS   ECS::Service");

        s = send(s, resource("FrontService", "ECS::Service", "CREATE_COMPLETE", ResourcePhase.DONE, 4000, null, 2, 2),
                new Msg.DeployEnded(Action.DEPLOY, true, "meshwalk", "CREATE_COMPLETE", ms(4100), List.of(),
                        Map.of("FrontEndpoint", "http://127.0.0.2:8080")));
        assertThat(s.deployBoard(Action.DEPLOY).status()).isEqualTo(Status.OK);
        assertThat(s.actions().get(Action.DEPLOY).status()).as("in progress until the effects conclude")
                .isEqualTo(Status.IN_PROGRESS);
        s = send(s, new Msg.DeployConcluded(PRELUDE, true, "CREATE_COMPLETE"));
        assertThat(s.actions().get(Action.DEPLOY).status()).isEqualTo(Status.OK);
        assertThat(lines(s, Action.DEPLOY)).containsExactly(
                "Chapter 0-prelude -> meshwalk   4.1 s   CREATE_COMPLETE",
                "██████████████████████████████  2/2 resources   2 ok",
                " ✓   1.2 s  Cluster                         CREATE_COMPLETE      ECS::Cluster",
                " ✓   4.0 s  FrontService                    CREATE_COMPLETE      ECS::Service",
                "",
                "✓ meshwalk CREATE_COMPLETE in 4.1 s",
                "  FrontEndpoint = http://127.0.0.2:8080",
                "Next: start the traffic loop (t), then look at the map (m).");
    }

    @Test
    void aDeployEndingUnderARunningTrafficLoopDoesNotAskToStartIt() {
        State s = send(start(true), new Msg.TrafficStarted("http://127.0.0.2:8080", ms(500)),
                new Msg.TrafficSampled(sample(true, List.of())), started(Action.DEPLOY, "meshwalk"),
                new Msg.DeployEnded(Action.DEPLOY, true, "meshwalk", "UPDATE_COMPLETE", ms(4100), List.of(), Map.of()),
                new Msg.DeployConcluded(PRELUDE, true, "UPDATE_COMPLETE"));
        assertThat(lines(s, Action.DEPLOY)).last()
                .isEqualTo("Next: the traffic loop is running: watch its answers (t), then look at the map (m).");
    }

    @Test
    void aFailureShowsItsReasonInlineAndRepeatsEveryReasonAtTheEndInAscii() {
        String reason = "Task failed to start: no image front:nope";
        State s = send(start(false), started(Action.DEPLOY, "s"),
                resource("FrontService", "ECS::Service", "CREATE_FAILED", ResourcePhase.FAILED, 2000, reason, 1, 3),
                stack("ROLLBACK_IN_PROGRESS", true, "The following resource(s) failed to create: [FrontService]", 2100),
                resource("Cluster", "ECS::Cluster", "DELETE_COMPLETE", ResourcePhase.ROLLED_BACK, 3000, null, 1, 3));
        assertThat(lines(s, Action.DEPLOY).get(0)).as("a failing stack's reason is shown")
                .isEqualTo("Chapter 0-prelude -> s   3.0 s   ROLLBACK_IN_PROGRESS (The following resource(s) failed to create: [FrontService])");

        s = send(s, new Msg.DeployEnded(Action.DEPLOY, false, "s", "ROLLBACK_COMPLETE", ms(4000),
                List.of(new DeployBoard.Failure("FrontService", "ECS::Service", "CREATE_FAILED", reason)), Map.of()),
                new Msg.DeployConcluded(PRELUDE, false, "ROLLBACK_COMPLETE"));
        List<String> lines = lines(s, Action.DEPLOY);
        assertThat(s.actions().get(Action.DEPLOY).status()).isEqualTo(Status.FAILED);
        assertThat(s.deployBoard(Action.DEPLOY).status()).isEqualTo(Status.FAILED);
        assertThat(lines).containsExactly(
                "Chapter 0-prelude -> s   4.0 s   ROLLBACK_COMPLETE",
                "##########....................  1/3 resources   1 failed, 1 warning",
                " [X]   2.0 s  FrontService                    CREATE_FAILED        ECS::Service",
                "            " + reason,
                " [!]   3.0 s  Cluster                         DELETE_COMPLETE      ECS::Cluster",
                "",
                "[X] s ROLLBACK_COMPLETE in 4.0 s",
                "Failures:",
                "  [X] FrontService (ECS::Service) CREATE_FAILED: " + reason,
                "Deploying chapter 0-prelude failed (ROLLBACK_COMPLETE); the reasons are above. Fix them and press d to"
                        + " deploy again.");
        assertThat(lines.stream().filter(l -> l.contains(reason))).as("inline and repeated at the end").hasSize(2);
        assertThat(String.join("\n", lines).chars()).as("ASCII mode draws only ASCII").allMatch(c -> c < 128);
    }

    @Test
    void aRepeatedEventChangesNothing() {
        Msg row = resource("Cluster", "ECS::Cluster", "CREATE_COMPLETE", ResourcePhase.DONE, 1200, null, 1, 2);
        State once = send(start(true), started(Action.DEPLOY, "t"), row);
        State twice = send(once, row, stack("CREATE_IN_PROGRESS", false, null, 0), stack("CREATE_IN_PROGRESS", false, null, 0));
        State thrice = send(twice, stack("CREATE_IN_PROGRESS", false, null, 0));
        assertThat(thrice).isEqualTo(twice);
        assertThat(twice.deployBoard(Action.DEPLOY).rows()).isEqualTo(once.deployBoard(Action.DEPLOY).rows());
        assertThat(twice.deployBoard(Action.DEPLOY).done()).isEqualTo(1);
    }

    @Test
    void anOlderEventArrivingLateDoesNotTurnBackARowTheCountsOrTheStackStatus() {
        State s = send(start(true), started(Action.DEPLOY, "t"),
                stack("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", false, null, 5000),
                resource("Cluster", "ECS::Cluster", "UPDATE_COMPLETE", ResourcePhase.DONE, 3000, null, 2, 2),
                // a poll that answered out of order:
                resource("Cluster", "ECS::Cluster", "UPDATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS, 1000, null, 0, 2),
                stack("UPDATE_IN_PROGRESS", false, null, 100));
        DeployBoard b = s.deployBoard(Action.DEPLOY);
        assertThat(b.rows().get("Cluster").status()).isEqualTo("UPDATE_COMPLETE");
        assertThat(b.done()).isEqualTo(2);
        assertThat(b.stackStatus()).isEqualTo("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS");
        assertThat(b.elapsed()).isEqualTo(ms(5000));
    }

    @Test
    void anEndedOperationIgnoresLateEventsAndASecondEnd() {
        State ended = send(start(true), started(Action.DEPLOY, "t"),
                resource("Cluster", "ECS::Cluster", "CREATE_COMPLETE", ResourcePhase.DONE, 1000, null, 1, 1),
                new Msg.DeployEnded(Action.DEPLOY, true, "s", "CREATE_COMPLETE", ms(1500), List.of(), Map.of()));
        State late = send(ended,
                resource("Cluster", "ECS::Cluster", "UPDATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS, 9000, null, 0, 1),
                stack("UPDATE_IN_PROGRESS", false, null, 9000), new Msg.DeployNotice(Action.DEPLOY, "late"),
                new Msg.DeployEnded(Action.DEPLOY, false, "s", "UPDATE_ROLLBACK_COMPLETE", ms(9500), List.of(), Map.of()));
        assertThat(late).isEqualTo(ended);
        assertThat(late.deployBoard(Action.DEPLOY).ending().finalStatus()).isEqualTo("CREATE_COMPLETE");
    }

    @Test
    void noChangesIsSaidPlainlyWithoutABoardAndStillMarksTheChapterDeployed() {
        State s = send(start(true), new Msg.OpenChapter(0),
                new Msg.NothingToDeploy(PRELUDE, null));
        assertThat(s.deployBoard(Action.DEPLOY)).isNull();
        assertThat(lines(s, Action.DEPLOY)).containsExactly("✓ No changes: chapter 0-prelude is already deployed.");
        assertThat(s.mark("0-prelude")).isEqualTo(Mark.DEPLOYED);
    }

    @Test
    void aQuestionAskedDuringTheDeployStaysUntilItEndsAndNothingIsLeftToCancel() {
        State s = send(start(true), new Msg.OpenChapter(0), started(Action.DEPLOY, "t"));
        s = send(s, new Msg.ShowAction(Action.DEPLOY), new Msg.KeyPressed(Key.of(Key.Kind.ESCAPE)));
        assertThat(s.actions().get(Action.DEPLOY).question()).isEqualTo(ActionPane.Question.CANCEL_DEPLOY);
        s = send(s, resource("Cluster", "ECS::Cluster", "CREATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS, 100, null, 0, 1));
        assertThat(s.actions().get(Action.DEPLOY).question()).isEqualTo(ActionPane.Question.CANCEL_DEPLOY);
        assertThat(s.deployBoard(Action.DEPLOY).rows()).containsKey("Cluster");
        s = send(s, new Msg.DeployEnded(Action.DEPLOY, true, "s", "CREATE_COMPLETE", ms(200), List.of(), Map.of()));
        assertThat(s.actions().get(Action.DEPLOY).question()).isEqualTo(ActionPane.Question.NONE);
        assertThat(s.notice()).contains("ended before you answered", "nothing to cancel");
    }

    @Test
    void aDeployThatEndsWithoutAPendingQuestionLeavesNoNotice() {
        State s = send(start(true), new Msg.OpenChapter(0), started(Action.DEPLOY, "t"), new Msg.ShowAction(Action.DEPLOY),
                new Msg.DeployEnded(Action.DEPLOY, true, "s", "CREATE_COMPLETE", ms(200), List.of(), Map.of()));
        assertThat(s.notice()).isNull();
    }

    @Test
    void aReplacedPaneDropsItsBoardAndLaterEventsForItAreIgnored() {
        State s = send(start(true), started(Action.DEPLOY, "t"),
                new Msg.DeployFailed(Msg.DeployFailed.Step.DEPLOY, PRELUDE, "gone"));
        State after = send(s, resource("Cluster", "ECS::Cluster", "CREATE_COMPLETE", ResourcePhase.DONE, 100, null, 1, 1));
        assertThat(after).isEqualTo(s);
        assertThat(lines(after, Action.DEPLOY)).containsExactly("The deploy stopped: gone",
                "Press d to see where the stack is and try again.");
    }

    @Test
    void teardownHasItsOwnBoardNoticesAndVerificationWhileTheDeployPaneKeepsItsOwn() {
        State s = send(start(true), started(Action.DEPLOY, "s"),
                new Msg.DeployEnded(Action.DEPLOY, true, "s", "CREATE_COMPLETE", ms(100), List.of(), Map.of()),
                started(Action.TEARDOWN, "s"),
                new Msg.DeployResourceChanged(Action.TEARDOWN, "Cluster", "ECS::Cluster", "DELETE_COMPLETE",
                        ResourcePhase.DELETED, ms(700), null, 1, 1),
                new Msg.DeployNotice(Action.TEARDOWN, "Deleted dashboard s-0."),
                new Msg.DeployEnded(Action.TEARDOWN, true, "s", "DELETE_COMPLETE", ms(900), List.of(), Map.of()));
        assertThat(s.actions().get(Action.TEARDOWN).status()).isEqualTo(Status.IN_PROGRESS);
        s = send(s, new Msg.TeardownVerified(true, List.of(), List.of(), new TeardownVerdict(List.of(), List.of(), 0)));
        assertThat(lines(s, Action.TEARDOWN)).containsExactly(
                "Teardown of s   0.9 s   DELETE_COMPLETE",
                "██████████████████████████████  1/1 resources   1 ok",
                "  Deleted dashboard s-0.",
                " ✓   0.7 s  Cluster                         DELETE_COMPLETE      ECS::Cluster",
                "",
                "✓ s DELETE_COMPLETE in 0.9 s",
                "",
                "✓ Verified: nothing the tutorial created is left on this target.");
        assertThat(s.actions().get(Action.TEARDOWN).status()).isEqualTo(Status.OK);
        assertThat(s.deployBoard(Action.DEPLOY).title()).isEqualTo("Chapter 0-prelude -> s");
        assertThat(s.deployBoard(Action.DEPLOY).rows()).isEmpty();
    }

    @Test
    void everyPhaseHasItsStatusSymbol() {
        assertThat(ResourcePhase.PENDING.status()).isEqualTo(Status.NOT_STARTED);
        assertThat(ResourcePhase.IN_PROGRESS.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(ResourcePhase.DONE.status()).isEqualTo(Status.OK);
        assertThat(ResourcePhase.DELETED.status()).isEqualTo(Status.OK);
        assertThat(ResourcePhase.FAILED.status()).isEqualTo(Status.FAILED);
        assertThat(ResourcePhase.ROLLING_BACK.status()).isEqualTo(Status.WARNING);
        assertThat(ResourcePhase.ROLLED_BACK.status()).isEqualTo(Status.WARNING);
    }

    // ---- traffic --------------------------------------------------------------------------------------------

    private static TrafficAnswer ok(long seq, String color, long millis) {
        return new TrafficAnswer(seq, OptionalInt.of(200), Optional.of(color), Optional.empty(), ms(millis), "");
    }

    private static TrafficAnswer failed(long seq, OptionalInt status, String kind, String detail) {
        return new TrafficAnswer(seq, status, Optional.empty(), Optional.of(kind), ms(5), detail);
    }

    private static TrafficSample sample(boolean running, List<TrafficSample.ErrorCount> errors) {
        return new TrafficSample(43, 40, Map.of("blue", 20L, "green", 20L), Map.of("blue", 0.5, "green", 0.5),
                Map.of("blue", 0.49, "green", 0.51), 2.0, ms(3), ms(9), errors, ms(500), running);
    }

    @Test
    void trafficStartsOnAFreshBoardThatWaitsForTheFirstAnswers() {
        State s = send(start(true), new Msg.TrafficStarted("http://127.0.0.2:8080", ms(500)));
        assertThat(s.actions().get(Action.TRAFFIC).status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(lines(s, Action.TRAFFIC)).containsExactly(
                "◌ running: GET http://127.0.0.2:8080/color every 0.5 s   (t/s stop, +/- faster/slower, r clear front's history)",
                "0 requests, 0 ok, 0 failed   0.0 req/s   latency p50 0 ms  p95 0 ms",
                "",
                "No colors yet: waiting for the first answers.",
                "",
                "Latest answers:");
    }

    @Test
    void trafficShowsBarsSharesRatesAndEveryErrorKindWithItsExplanation() {
        List<TrafficSample.ErrorCount> errors = List.of(
                new TrafficSample.ErrorCount("HTTP 5xx", 1, "front answered with an error"),
                new TrafficSample.ErrorCount("timeout", 1, "no answer in time"),
                new TrafficSample.ErrorCount("refused", 1, "nothing listens at the endpoint"));
        State s = send(start(true), new Msg.TrafficStarted("http://127.0.0.2:8080", ms(500)),
                new Msg.TrafficAnswered(ok(40, "blue", 3)),
                new Msg.TrafficAnswered(failed(41, OptionalInt.of(503), "HTTP 5xx", "503 from front")),
                new Msg.TrafficAnswered(failed(42, OptionalInt.empty(), "timeout", "no answer after 5 s")),
                new Msg.TrafficAnswered(failed(43, OptionalInt.empty(), "refused", "Connection refused")),
                new Msg.TrafficSampled(sample(true, errors)));
        assertThat(s.trafficBoard().sample().failed()).isEqualTo(3);
        assertThat(lines(s, Action.TRAFFIC)).containsExactly(
                "◌ running: GET http://127.0.0.2:8080/color every 0.5 s   (t/s stop, +/- faster/slower, r clear front's history)",
                "43 requests, 40 ok, 3 failed   2.0 req/s   latency p50 3 ms  p95 9 ms",
                "",
                "  observed = this loop's answers; front's own = one front task's last 1000",
                "  blue     ████████████░░░░░░░░░░░░  50% observed (20)   front's own  49%",
                "  green    ████████████░░░░░░░░░░░░  50% observed (20)   front's own  51%",
                "",
                "Errors:",
                "  ✘ HTTP 5xx      1  front answered with an error",
                "  ✘ timeout       1  no answer in time",
                "  ✘ refused       1  nothing listens at the endpoint",
                "",
                "Latest answers:",
                "  ✘ #43    ---  refused      5 ms  Connection refused",
                "  ✘ #42    ---  timeout      5 ms  no answer after 5 s",
                "  ✘ #41    503  HTTP 5xx     5 ms  503 from front",
                "  ✓ #40    200  blue         3 ms");
    }

    @Test
    void aColorsRowFitsAnEightyColumnTerminalEvenAfterALongRun() {
        TrafficSample longRun = new TrafficSample(99998, 99998, Map.of("blue", 49999L, "green", 49999L),
                Map.of("blue", 0.5, "green", 0.5), Map.of("blue", 0.5, "green", 0.5), 2.0, ms(3), ms(9), List.of(), ms(500), true);
        State s = send(start(true), new Msg.TrafficStarted("http://e", ms(500)), new Msg.TrafficSampled(longRun));
        assertThat(lines(s, Action.TRAFFIC)).filteredOn(l -> l.contains("% observed")).hasSize(2)
                .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(78));
    }

    @Test
    void trafficAnswersAreKeptOnceNewestFirstAndOnlyTheLatestSix() {
        State s = send(start(true), new Msg.TrafficStarted("http://e", ms(500)));
        for (long n = 1; n <= 8; n++) {
            s = send(s, new Msg.TrafficAnswered(ok(n, "green", n)));
        }
        State again = send(s, new Msg.TrafficAnswered(ok(8, "green", 8)), new Msg.TrafficAnswered(ok(3, "green", 3)));
        assertThat(again).as("a repeated answer, and one older than all six kept, change nothing").isEqualTo(s);
        s = send(s, new Msg.TrafficAnswered(ok(10, "blue", 1)), new Msg.TrafficAnswered(ok(9, "blue", 1)));
        assertThat(s.trafficBoard().recent()).extracting(TrafficAnswer::sequence).containsExactly(10L, 9L, 8L, 7L, 6L, 5L);
    }

    @Test
    void stoppingTheLoopSettlesThePaneAndRestartingCountsAfresh() {
        State s = send(start(true), new Msg.TrafficStarted("http://e", ms(500)), new Msg.TrafficAnswered(ok(1, "green", 1)),
                new Msg.TrafficSampled(sample(false, List.of())));
        assertThat(s.actions().get(Action.TRAFFIC).status()).isEqualTo(Status.INFO);
        assertThat(lines(s, Action.TRAFFIC).get(0)).isEqualTo("i stopped: GET http://e/color every 0.5 s   (t/s start again)");
        s = send(s, new Msg.TrafficStarted("http://e", ms(250)));
        assertThat(s.trafficBoard().recent()).isEmpty();
        assertThat(s.trafficBoard().sample().requests()).isZero();
        assertThat(s.actions().get(Action.TRAFFIC).status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void trafficSamplesWithoutABoardAreIgnored() {
        State s = send(start(true), new Msg.TrafficNoEndpoint("s", null));
        assertThat(send(s, new Msg.TrafficSampled(sample(true, List.of())), new Msg.TrafficAnswered(ok(1, "green", 1))))
                .isEqualTo(s);
    }
}
