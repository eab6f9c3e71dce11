package dev.meshwalk.core;

import java.util.List;

/**
 * What the target, traffic and metrics effects report, worded for the status bar and their panes. Pure, like
 * {@link Update}; the deploy flow's reports are {@link DeployFlow}'s, the teardown's {@link TeardownReport}'s.
 */
final class ActionReports {

    private ActionReports() {
    }

    /** Registers these reports with {@link Update}. */
    static void register(Handlers.Builder<Msg, Update.Step<Msg>> table) {
        Update.on(table, Msg.TargetUnavailable.class, (s, m) -> Next.of(unavailable(s, m)));
        Update.on(table, Msg.TargetFailed.class, (s, m) -> Next.of(s.withNotice(m.unexpected()
                ? "Could not open the target: " + m.reason() + " (details in the log file)" : m.reason())));
        Update.on(table, Msg.EffectsBusy.class,
                (s, m) -> Next.of(s.withNotice("Busy: too much queued, or shutting down; try again in a moment.")));
        Update.on(table, Msg.CancelAnswered.class,
                (s, m) -> Next.of(s.withNotice(m.failure() == null ? CancelWords.of(m.answer()) : "Could not cancel: " + m.failure())));
        Update.on(table, Msg.TrafficNoEndpoint.class, (s, m) -> Next.of(s.withPane(new ActionPane(Action.TRAFFIC,
                Status.WARNING, List.of(m.status() == null
                        ? "Nothing is deployed yet: open a chapter and deploy it first (d)."
                        : "The stack " + m.stackName() + " (" + m.status() + ") has no FrontEndpoint yet;"
                                + " wait for the deploy to finish.")))));
        Update.on(table, Msg.TrafficFailed.class, (s, m) -> Next.of(s.withPane(new ActionPane(Action.TRAFFIC,
                Status.FAILED, List.of("Could not start the traffic loop: " + m.reason())))));
        Update.on(table, Msg.ColorsCleared.class, (s, m) -> Next.of(s.withNotice(m.failure() == null
                ? "Front's history and our counts were cleared (" + m.frontAnswer().strip() + ")."
                : "Could not clear front's history: " + m.failure())));
        Update.on(table, Msg.MetricsFetched.class, (s, m) -> Next.of(metrics(s, m.board())));
        Update.on(table, Msg.MetricsFailed.class, (s, m) -> Next.of(s.withPane(new ActionPane(Action.METRICS,
                Status.FAILED, List.of("Could not fetch the metrics: " + m.reason())))));
        Update.on(table, Msg.GraphLoaded.class, (s, g) -> Next.of(s.withMap(s.map().withGraph(g.graph()))
                .withPane(new ActionPane(Action.MAP, g.graph().nodes().isEmpty() ? Status.INFO : Status.OK,
                        List.of(g.graph().nodes().size() + " services on the map")))));
        Update.on(table, Msg.GraphFailed.class, (s, g) -> Next.of(graphFailed(s, g.reason())));
    }

    /** The board, and what to do when it is still empty. */
    private static State metrics(State s, MetricsBoard board) {
        boolean empty = board.rows().isEmpty();
        // Keys in parentheses, so line mode can name its commands instead (LineWords).
        List<String> advice = empty ? List.of("Deploy the chapter (d) and run traffic (t) for a minute or two, then look"
                + " again (c).") : List.of("", "To refresh, show this pane again (c).");
        return s.withPane(new ActionPane(Action.METRICS, empty ? Status.INFO : Status.OK, advice, ActionPane.Question.NONE,
                board));
    }

    /** The pane that needed the target says why it cannot be used; the map keeps its last drawing marked stale. */
    private static State unavailable(State s, Msg.TargetUnavailable m) {
        if (m.action() == Action.MAP && m.reason() == null) {
            return graphFailed(s, "The target is still starting; the map follows in a few seconds.");
        }
        String line = m.reason() == null ? "The target is still starting; try again in a moment."
                : "The target is not available: " + m.reason();
        State told = s.withPane(new ActionPane(m.action(), Status.FAILED, List.of(line)));
        return m.action() == Action.DEPLOY ? told.withDeploy(null) : told;
    }

    private static State graphFailed(State s, String reason) {
        return s.withMap(s.map().withProblem(reason)).withPane(new ActionPane(Action.MAP, Status.FAILED, List.of(reason)));
    }
}
