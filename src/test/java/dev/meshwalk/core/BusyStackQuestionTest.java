package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.meshwalk.content.Chapter;

/** A deploy that finds its stack busy asks: wait, cancel (only an update) or leave; the keys answer it. */
class BusyStackQuestionTest {

    private static final List<Chapter> CHAPTERS = List.of(
            new Chapter(0, "0-prelude", "Prelude", "stacks/0-prelude.yaml", "# Prelude\n\nShort.", null));

    private final UpdateDriver driver = new UpdateDriver();
    private final List<Effect> effects = driver.effects;

    private State send(State s, Msg... msgs) {
        return driver.send(s, msgs);
    }

    private State asked(ActionPane.Question q) {
        State s = send(State.initial(CHAPTERS, new Size(100, 30), true, Target.local(), "/tmp/log"),
                new Msg.OpenChapter(0), new Msg.KeyPressed(Key.ch('d')),
                new Msg.StackBusyFound(DeployOrder.of("0-prelude"), "meshwalk-x",
                        q == ActionPane.Question.STACK_BUSY ? "UPDATE_IN_PROGRESS" : "CREATE_IN_PROGRESS"));
        assertThat(s.actions().get(Action.DEPLOY).question()).isEqualTo(q);
        effects.clear();
        return s;
    }

    private Effect.BusyChoice answer(ActionPane.Question q, Key key) {
        effects.clear();
        State s = send(asked(q), new Msg.KeyPressed(key));
        if (effects.isEmpty()) {
            assertThat(s.actions().get(Action.DEPLOY).question()).as("unanswered: still asks").isEqualTo(q);
            return null;
        }
        assertThat(s.actions().get(Action.DEPLOY).question()).isEqualTo(ActionPane.Question.NONE);
        assertThat(s.view()).isEqualTo(View.ACTION);
        return ((Effect.AnswerBusyStack) effects.get(0)).choice();
    }

    @Test
    void wEnterOrYWaitsCCancelsTheUpdateAndEscOrNLeavesIt() {
        ActionPane.Question q = ActionPane.Question.STACK_BUSY;
        assertThat(answer(q, Key.ch('w'))).isEqualTo(Effect.BusyChoice.WAIT);
        assertThat(answer(q, Key.of(Key.Kind.ENTER))).isEqualTo(Effect.BusyChoice.WAIT);
        assertThat(answer(q, Key.ch('y'))).isEqualTo(Effect.BusyChoice.WAIT);
        assertThat(answer(q, Key.ch('c'))).isEqualTo(Effect.BusyChoice.CANCEL);
        assertThat(answer(q, Key.of(Key.Kind.ESCAPE))).isEqualTo(Effect.BusyChoice.LEAVE);
        assertThat(answer(q, Key.ch('n'))).isEqualTo(Effect.BusyChoice.LEAVE);
        assertThat(answer(q, Key.ch('z'))).as("other keys do nothing").isNull();
    }

    @Test
    void cIsRefusedWithAReasonWhenTheOperationCannotBeCancelled() {
        ActionPane.Question q = ActionPane.Question.STACK_BUSY_NO_CANCEL;
        State s = send(asked(q), new Msg.KeyPressed(Key.ch('c')));
        assertThat(effects).isEmpty();
        assertThat(s.notice()).contains("Only an update (UPDATE_IN_PROGRESS) can be cancelled");
        assertThat(s.actions().get(Action.DEPLOY).question()).isEqualTo(q);
        assertThat(answer(q, Key.ch('w'))).isEqualTo(Effect.BusyChoice.WAIT);
        assertThat(answer(q, Key.of(Key.Kind.ESCAPE))).isEqualTo(Effect.BusyChoice.LEAVE);
    }

    @Test
    void thePromptsNameTheKeysAndFitEightyColumns() {
        State s = asked(ActionPane.Question.STACK_BUSY);
        assertThat(s.prompt(Action.DEPLOY)).contains("w/enter = wait").contains("c = cancel the update").contains("esc = leave it");
        assertThat(ActionPane.Question.STACK_BUSY_NO_CANCEL.prompt()).doesNotContain(", c = ", "cancel the update").contains("cannot be cancelled");
        for (ActionPane.Question q : List.of(ActionPane.Question.STACK_BUSY, ActionPane.Question.STACK_BUSY_NO_CANCEL,
                ActionPane.Question.TEARDOWN)) {
            assertThat(q.prompt().length()).as(q.name()).isLessThanOrEqualTo(78);
        }
    }

    @Test
    void dInTheDeployPanePlansAgainAfterLeavingTheStackButNotWhileItAsks() {
        State asking = asked(ActionPane.Question.STACK_BUSY);
        send(asking, new Msg.KeyPressed(Key.ch('d')));
        assertThat(effects).as("d while the question waits does not plan twice").isEmpty();
        State left = send(asking, new Msg.KeyPressed(Key.ch('n')),
                new Msg.BusyStackLeft("meshwalk-x", "UPDATE_IN_PROGRESS"));
        effects.clear();
        send(left, new Msg.KeyPressed(Key.ch('d')));
        assertThat(effects).containsExactly(new Effect.PlanDeploy("0-prelude"));
    }

    @Test
    void whileWaitingEscAsksWhetherToCancelAsDuringADeploy() {
        State s = send(asked(ActionPane.Question.STACK_BUSY), new Msg.KeyPressed(Key.ch('w')),
                new Msg.StackWaitStarted("meshwalk-x", "0-prelude", "UPDATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS, null),
                new Msg.KeyPressed(Key.of(Key.Kind.ESCAPE)));
        assertThat(s.actions().get(Action.DEPLOY).question()).isEqualTo(ActionPane.Question.CANCEL_DEPLOY);
    }
}
