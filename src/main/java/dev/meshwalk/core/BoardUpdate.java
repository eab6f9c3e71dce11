package dev.meshwalk.core;

import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Folds the typed progress messages of stack operations and of the traffic loop into the boards of their panes.
 * Pure, like {@link Update}. A message for a pane that shows no such board (it was replaced by a preview or an
 * error in between) is dropped: it belongs to work whose pane has moved on.
 *
 * <p>A stack operation's pane is {@link Status#IN_PROGRESS} from the operation starting until what follows is
 * known ({@link #conclude}: the final status and the next step, or teardown's verification); the
 * board's own {@link DeployBoard#status()} says how the operation itself ended. The traffic pane's status follows
 * its board: in progress while the loop runs.
 */
final class BoardUpdate {

    private BoardUpdate() {
    }

    static final String DEPLOY_ENDED_WHILE_ASKED =
            "The deploy ended before you answered, so there is nothing to cancel; q quits, esc goes back.";

    /** Registers the board messages with {@link Update}: each folds into its pane's board and asks for no effect. */
    static void register(Handlers.Builder<Msg, Update.Step<Msg>> table) {
        fold(table, Msg.DeployResourceChanged.class, (s, m) -> deploy(s, m.action(), b -> b.withResource(m.logicalId(),
                new DeployBoard.Row(m.type(), m.status(), m.phase(), m.elapsed(), m.reason()), m.done(), m.total())));
        fold(table, Msg.DeployStackChanged.class, (s, m) -> deploy(s, m.action(),
                b -> b.withStack(m.status(), m.failed() ? m.reason() : null, m.elapsed())));
        fold(table, Msg.EcsDeploymentChanged.class,
                (s, m) -> deploy(s, m.action(), b -> b.withDeployment(m.deployment(), m.elapsed())));
        fold(table, Msg.DeployNotice.class, (s, m) -> deploy(s, m.action(), b -> b.withNotice(m.text())));
        fold(table, Msg.DeployEnded.class, (s, m) -> {
            State ended = deploy(s, m.action(), b -> b.withEnding(new DeployBoard.Ending(m.success(), m.stackName(),
                    m.finalStatus(), m.elapsed(), m.failures(), m.outputs())));
            ActionPane pane = ended.actions().get(m.action());
            // Nothing is left to cancel once it ended; say so, or the question just vanishes under the key
            // the learner was about to press (Ctrl-C asks it too, and would otherwise seem ignored).
            return pane.question() == ActionPane.Question.CANCEL_DEPLOY
                    ? ended.withPane(pane.asking(ActionPane.Question.NONE)).withNotice(DEPLOY_ENDED_WHILE_ASKED)
                    : ended;
        });
        fold(table, Msg.StackWaitStarted.class, (s, m) -> s.withPane(new ActionPane(Action.DEPLOY,
                Status.IN_PROGRESS, java.util.List.of(), ActionPane.Question.NONE,
                StackWaitBoard.started(m.stackName(), m.chapterId(), m.status(), m.phase(), m.cancelAnswer()))));
        fold(table, Msg.StackWaitChanged.class,
                (s, m) -> stackWait(s, b -> b.changed(m.status(), m.phase(), m.waited())));
        fold(table, Msg.StackWaitTicked.class, (s, m) -> stackWait(s, b -> b.ticked(m.waited())));
        fold(table, Msg.TrafficStarted.class, (s, m) -> s.withPane(new ActionPane(Action.TRAFFIC, Status.IN_PROGRESS,
                java.util.List.of(), ActionPane.Question.NONE, trafficStarted(s, m))));
        fold(table, Msg.TrafficAnswered.class, (s, m) -> traffic(s, b -> b.withAnswer(m.answer())));
        fold(table, Msg.TrafficSampled.class, (s, m) -> traffic(s, b -> b.withSample(m.sample())));
        fold(table, Msg.ColorTaskStopped.class, (s, m) -> traffic(s.withNotice(null),
                b -> b.withStop(m.service(), m.taskId(), ActionKeys.chapterId(s), m.desired())));
        fold(table, Msg.ColorTaskReplaced.class, (s, m) -> traffic(s, b -> b.withRecovery(m.took())));
        fold(table, Msg.BreakItFailed.class, (s, m) -> s.withNotice("Break it: " + m.reason()));
    }

    /**
     * A fresh traffic board; a loop restarted while the same endpoint's loop still ran (a clear of front's history)
     * keeps its time line, so the shares over time read as one watch.
     */
    private static TrafficBoard trafficStarted(State s, Msg.TrafficStarted m) {
        if (s.actions().get(Action.TRAFFIC).board() instanceof TrafficBoard old && old.sample().running()
                && old.endpoint().equals(m.endpoint())) {
            return old.restarted(m.interval());
        }
        return TrafficBoard.started(m.endpoint(), m.interval());
    }

    private static <M extends Msg> void fold(Handlers.Builder<Msg, Update.Step<Msg>> table, Class<M> kind,
            BiFunction<State, M, State> change) {
        Update.on(table, kind, (s, m) -> Next.of(change.apply(s, m)));
    }

    /** A stack operation starts on the action's pane (DEPLOY or TEARDOWN): a fresh board with this title. */
    static State startOperation(State s, Action action, String title) {
        return s.withPane(new ActionPane(action, Status.IN_PROGRESS, java.util.List.of(), ActionPane.Question.NONE,
                DeployBoard.started(title)));
    }

    /**
     * A deploy starts: the traffic pane's "break it" account ends. It names the stopped task, what the chapter's
     * architecture should do about it and the failures since; counting a deploy's errors under the previous
     * chapter's "expect no errors" misleads.
     */
    static State endBreakIt(State s) {
        return traffic(s, TrafficBoard::withoutStop);
    }

    /**
     * What follows a pane's work once it is over (the next step, teardown's verification), with the pane's final
     * status, under its board (which stays).
     */
    static State conclude(State s, Action action, Status status, java.util.List<String> lines) {
        ActionPane pane = s.actions().get(action);
        return s.withPane(new ActionPane(action, status, lines, ActionPane.Question.NONE, pane.board()));
    }

    /** The busy stack settled: the wait board says so ({@link DeployFlow} then plans the order again). */
    static State settleWait(State s, Msg.StackWaitSettled m) {
        return stackWait(s, b -> b.settledIn(m.status(), m.phase(), m.waited()));
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
