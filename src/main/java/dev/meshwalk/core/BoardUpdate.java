package dev.meshwalk.core;

import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Folds the typed progress messages of stack operations and of the traffic loop into the boards of their panes.
 * Pure, like {@link Update}. A message for a pane that shows no such board (it was replaced by a preview or an
 * error in between) is dropped: it belongs to work whose pane has moved on.
 *
 * <p>A stack operation's pane is {@link Status#IN_PROGRESS} from the operation starting until what follows is known
 * ({@link #conclude}) with the final status and what follows (the next step, teardown's verification); the
 * board's own {@link DeployBoard#status()} says how the operation itself ended. The traffic pane's status follows
 * its board: in progress while the loop runs.
 */
final class BoardUpdate {

    private BoardUpdate() {
    }

    /** The new state, or null when {@code msg} is not a board message. */
    static State apply(State s, Msg msg) {
        if (msg instanceof Msg.DeployResourceChanged m) {
            return deploy(s, m.action(), b -> b.withResource(m.logicalId(),
                    new DeployBoard.Row(m.type(), m.status(), m.phase(), m.elapsed(), m.reason()), m.done(), m.total()));
        } else if (msg instanceof Msg.DeployStackChanged m) {
            return deploy(s, m.action(), b -> b.withStack(m.status(), m.failed() ? m.reason() : null, m.elapsed()));
        } else if (msg instanceof Msg.DeployNotice m) {
            return deploy(s, m.action(), b -> b.withNotice(m.text()));
        } else if (msg instanceof Msg.DeployEnded m) {
            State ended = deploy(s, m.action(), b -> b.withEnding(new DeployBoard.Ending(m.success(), m.stackName(),
                    m.finalStatus(), m.elapsed(), m.failures(), m.outputs())));
            ActionPane pane = ended.actions().get(m.action());
            // Nothing is left to cancel once it ended.
            return pane.question() == ActionPane.Question.CANCEL_DEPLOY
                    ? ended.withPane(pane.asking(ActionPane.Question.NONE)) : ended;
        } else if (msg instanceof Msg.StackWaitStarted m) {
            return s.withPane(new ActionPane(Action.DEPLOY, Status.IN_PROGRESS, java.util.List.of(),
                    ActionPane.Question.NONE, StackWaitBoard.started(m.stackName(), m.chapterId(), m.status(), m.phase(),
                            m.cancelAnswer())));
        } else if (msg instanceof Msg.StackWaitChanged m) {
            return stackWait(s, b -> b.changed(m.status(), m.phase(), m.waited()));
        } else if (msg instanceof Msg.StackWaitTicked m) {
            return stackWait(s, b -> b.ticked(m.waited()));
        } else if (msg instanceof Msg.StackWaitSettled m) {
            return stackWait(s, b -> b.settledIn(m.status(), m.phase(), m.waited()));
        } else if (msg instanceof Msg.TrafficStarted m) {
            return s.withPane(new ActionPane(Action.TRAFFIC, Status.IN_PROGRESS, java.util.List.of(),
                    ActionPane.Question.NONE, TrafficBoard.started(m.endpoint(), m.interval())));
        } else if (msg instanceof Msg.TrafficAnswered m) {
            return traffic(s, b -> b.withAnswer(m.answer()));
        } else if (msg instanceof Msg.TrafficSampled m) {
            return traffic(s, b -> b.withSample(m.sample()));
        }
        return null;
    }

    /** A stack operation starts on the action's pane (DEPLOY or TEARDOWN): a fresh board with this title. */
    static State startOperation(State s, Action action, String title) {
        return s.withPane(new ActionPane(action, Status.IN_PROGRESS, java.util.List.of(), ActionPane.Question.NONE,
                DeployBoard.started(title)));
    }

    /**
     * What follows a pane's work once it is over (the next step, teardown's verification), with the pane's final
     * status, under its board (which stays).
     */
    static State conclude(State s, Action action, Status status, java.util.List<String> lines) {
        ActionPane pane = s.actions().get(action);
        return s.withPane(new ActionPane(action, status, lines, ActionPane.Question.NONE, pane.board()));
    }

    private static State deploy(State s, Action action, UnaryOperator<DeployBoard> change) {
        // The pane stays in progress until what follows it is known ({@link #conclude}): a teardown may run several
        // operations, and what follows an operation (verification, the next step) belongs to the same work.
        return fold(s, action, DeployBoard.class, change, (pane, next) -> pane.status());
    }

    private static State stackWait(State s, UnaryOperator<StackWaitBoard> change) {
        return fold(s, Action.DEPLOY, StackWaitBoard.class, change, (pane, next) -> pane.status());
    }

    private static State traffic(State s, UnaryOperator<TrafficBoard> change) {
        return fold(s, Action.TRAFFIC, TrafficBoard.class, change, (pane, next) -> next.status());
    }

    /**
     * Applies {@code change} to the action's board if the pane shows one of this kind; otherwise the message belongs
     * to work whose pane has moved on (a preview, an error, another board) and is dropped.
     */
    private static <B extends Board> State fold(State s, Action action, Class<B> kind, UnaryOperator<B> change,
            BiFunction<ActionPane, B, Status> status) {
        ActionPane pane = s.actions().get(action);
        if (!kind.isInstance(pane.board())) {
            return s;
        }
        B board = kind.cast(pane.board());
        B next = change.apply(board);
        return next == board ? s : s.withPane(pane.withBoard(next, status.apply(pane, next)));
    }
}
