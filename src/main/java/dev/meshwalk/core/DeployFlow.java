package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The deploy flow as the learner follows it in the deploy pane, and every sentence it says. The effects report
 * typed facts (the AWS checks, a busy or failed stack, the change set, how the execution ended); this class words
 * them, asks the question each calls for, keeps the deploy in progress in {@link State} ({@link PendingDeploy}) and
 * turns the answer into the next effect. Pure, like {@link Update}.
 *
 * <p>The flow: on AWS the preflight and the cost question, then the images; then a busy stack (wait, cancel or
 * leave it; once it settled the order is planned again), a failed first creation (delete it, then plan again), the
 * change set (no changes, or confirm then execute).
 */
final class DeployFlow {

    private DeployFlow() {
    }

    /** Starts the flow for the open chapter: the pane says it is planning, the effects plan. */
    static Next start(State s, String chapterId) {
        DeployOrder order = new DeployOrder(chapterId, s.course().parameters(chapterId));
        State planning = s.with(s.panes().withParameters(null)).withDeploy(PendingDeploy.of(order)).withPane(new ActionPane(Action.DEPLOY, Status.INFO,
                List.of("Chapter " + chapterId + ": computing the change set ...")));
        return Next.of(planning, new Effect.PlanDeploy(order));
    }

    /** Registers the deploy flow's messages with {@link Update}. */
    static void register(Handlers.Builder<Msg, Update.Step<Msg>> table) {
        Update.on(table, Msg.DeployParameters.class, (s, m) -> {
            State set = s.with(s.course().withParameters(m.chapterId(), m.values()));
            return Next.of(set, set.course().save());
        });
        Update.on(table, Msg.ParametersLoaded.class, ParameterKeys::loaded);
        Update.on(table, Msg.AwsChecked.class, DeployFlow::awsChecked);
        Update.on(table, Msg.ImagesProgressed.class, (s, m) -> {
            PendingDeploy pending = s.panes().deploy();
            List<String> gate = pending == null ? List.of() : pending.gate();
            State shown = s.withPane(pane(Status.IN_PROGRESS, gate, m.lines()));
            return Next.of(pending == null ? shown : shown.withDeploy(pending.withImages(m.lines())));
        });
        Update.on(table, Msg.ImagesFailed.class, (s, m) -> {
            PendingDeploy pending = s.panes().deploy();
            return end(s, pane(Status.FAILED, pending == null ? List.of() : pending.gate(), m.progress(), m.explanation()));
        });
        Update.on(table, Msg.StackBusyFound.class, (s, m) -> Next.of(busy(s.withDeploy(orDefault(s, m.order())), m)));
        Update.on(table, Msg.FailedStackFound.class, (s, m) -> Next.of(s.withDeploy(orDefault(s, m.order()))
                .withPane(new ActionPane(Action.DEPLOY, Status.WARNING, List.of("The stack " + m.stackName()
                                + " is in ROLLBACK_COMPLETE: its first creation failed"
                                + (m.reason() == null ? "" : " (" + m.reason() + ")") + ".",
                        "CloudFormation only allows deleting such a stack; after that it can be created again."),
                        ActionPane.Question.RECREATE_STACK))));
        Update.on(table, Msg.NothingToDeploy.class, (s, m) -> {
            List<String> lines = new ArrayList<>();
            lines.add(Status.OK.symbol(s.unicode()) + " No changes: chapter " + m.order().chapterId() + " is already deployed.");
            if (m.frontEndpoint() != null) {
                lines.add("  FrontEndpoint = " + m.frontEndpoint());
            }
            return deployed(end(s, new ActionPane(Action.DEPLOY, Status.OK, lines)), m.order().chapterId());
        });
        Update.on(table, Msg.DeployPlanned.class, (s, m) -> Next.of(planned(s, orDefault(s, m.order()), m)));
        Update.on(table, Msg.ChangeSetDiscarded.class, (s, m) -> end(s, new ActionPane(Action.DEPLOY, Status.INFO,
                List.of("Cancelled: nothing was changed (the change set was deleted).", "Press d to plan again."))));
        Update.on(table, Msg.BusyStackLeft.class, (s, m) -> {
            PendingDeploy pending = s.panes().deploy();
            String chapter = pending == null ? "the chapter" : "chapter " + pending.order().chapterId();
            return end(s, new ActionPane(Action.DEPLOY, Status.INFO, List.of("Left the stack " + m.stackName()
                    + " alone (" + m.status() + ").", "Press d to plan " + chapter + " once it has settled.")));
        });
        Update.on(table, Msg.DeployFailed.class, DeployFlow::failed);
        Update.on(table, Msg.DeployStarted.class, (s, m) -> Next.of(BoardUpdate.startOperation(
                BoardUpdate.endBreakIt(s), Action.DEPLOY, "Chapter " + m.order().chapterId() + " -> " + m.stackName())));
        Update.on(table, Msg.FailedStackDeleting.class, (s, m) -> Next.of(BoardUpdate.startOperation(s, Action.DEPLOY,
                "Deleting the failed stack " + m.stackName())));
        Update.on(table, Msg.FailedStackDeleted.class, (s, m) -> {
            if (m.success()) {
                return Next.of(s, new Effect.PlanDeploy(m.order())); // the board stays until the plan replaces it
            }
            return Next.of(BoardUpdate.conclude(s.withDeploy(null), Action.DEPLOY, Status.FAILED, List.of(
                    "The failed stack could not be deleted; the reasons are above. Use teardown (x), or press d again.")));
        });
        Update.on(table, Msg.DeployConcluded.class, (s, m) -> concluded(s.withDeploy(null), m));
        Update.on(table, Msg.StackWaitSettled.class, (s, m) -> {
            State folded = BoardUpdate.settleWait(s, m);
            PendingDeploy pending = s.panes().deploy();
            boolean waited = folded != s && pending != null;
            return waited ? Next.of(folded, new Effect.PlanDeploy(pending.order())) : Next.of(folded);
        });
    }

    /** The learner's answer to one of the deploy pane's yes/no questions. */
    static Next answer(State s, ActionPane.Question question, boolean yes) {
        PendingDeploy pending = s.panes().deploy();
        switch (question) {
            case ACCEPT_COSTS:
                if (yes && pending != null) {
                    return Next.of(s, new Effect.AcceptCosts(pending.order()));
                }
                return end(s, new ActionPane(Action.DEPLOY, Status.INFO, List.of("Stopped: nothing was created on AWS.",
                        "Press d to see the estimate again, or start the tutorial without --aws to use the local cloud.")));
            case RECREATE_STACK:
                if (yes && pending != null) {
                    return Next.of(s, new Effect.RecreateStack(pending.order()));
                }
                return end(s, new ActionPane(Action.DEPLOY, Status.WARNING, List.of(
                        "The failed stack was left as it is. Use teardown (x) to remove it, or press d again.")));
            case DEPLOY_CHANGES:
                if (pending == null || pending.changeSet() == null) {
                    return Next.of(s);
                }
                Effect next = yes ? new Effect.ExecuteDeploy(pending.order(), pending.changeSet())
                        : new Effect.DiscardChangeSet(pending.order(), pending.changeSet());
                return Next.of(s.withDeploy(null), next);
            case CANCEL_DEPLOY:
                return yes ? Next.of(s, new Effect.CancelDeploy()) : Next.of(s);
            default:
                return Next.of(s);
        }
    }

    /** The learner's answer to a busy stack: wait for it, cancel its update, or leave it (the effects look again). */
    static Next busyAnswer(State s, Effect.BusyChoice choice) {
        PendingDeploy pending = s.panes().deploy();
        return pending == null ? Next.of(s) : Next.of(s, new Effect.AnswerBusyStack(choice, pending.order()));
    }

    private static Next awsChecked(State s, Msg.AwsChecked m) {
        GateReport report = GateReport.of(m.preflight(), m.estimate());
        List<String> gate = new ArrayList<>();
        gate.add("Preflight for chapter " + m.order().chapterId() + " in " + m.region() + ":");
        report.findings().forEach(f -> gate.add("  " + f));
        if (report.stop()) {
            gate.add(report.stopSummary());
            return end(s, new ActionPane(Action.DEPLOY, Status.FAILED, gate));
        }
        gate.add("");
        gate.addAll(report.estimate());
        gate.add("");
        State checked = s.withDeploy(orDefault(s, m.order()).withGate(gate));
        if (m.costsAccepted()) {
            return Next.of(checked);
        }
        List<String> lines = new ArrayList<>(gate);
        lines.add("Nothing has been created on the account yet. Accepting is remembered for this account and region.");
        return Next.of(checked.withPane(new ActionPane(Action.DEPLOY, Status.WARNING, lines, ActionPane.Question.ACCEPT_COSTS)));
    }

    /** Another operation runs on the stack: wait for it, cancel it (only an update can be cancelled) or leave it. */
    private static State busy(State s, Msg.StackBusyFound m) {
        String chapter = m.order().chapterId();
        boolean cancellable = "UPDATE_IN_PROGRESS".equals(m.status());
        List<String> lines = new ArrayList<>();
        lines.add(Status.WARNING.symbol(s.unicode()) + " The stack " + m.stackName() + " is busy (" + m.status()
                + "): another operation is running on it, so chapter " + chapter + " cannot be planned yet.");
        lines.add("");
        // Worded for both front-ends: the question below the lines names the keys or the commands.
        lines.add("Wait: follow its status until it finishes, then plan chapter " + chapter + ".");
        if (cancellable) {
            lines.add("Cancel: CloudFormation rolls that update back to what the stack was before; the chapter is"
                    + " planned once the rollback is done.");
        } else {
            lines.add("Cancelling is not possible: CloudFormation can only cancel an update (UPDATE_IN_PROGRESS);"
                    + " a stack in " + m.status() + " has to run to its end.");
        }
        lines.add("Leave it: nothing changes; deploy again later.");
        return s.withPane(new ActionPane(Action.DEPLOY, Status.WARNING, lines,
                cancellable ? ActionPane.Question.STACK_BUSY : ActionPane.Question.STACK_BUSY_NO_CANCEL));
    }

    /** The preview under what was shown on the way (the gate, the images), and the question. */
    private static State planned(State s, PendingDeploy pending, Msg.DeployPlanned m) {
        ChangeSet c = m.changeSet();
        List<String> lines = new ArrayList<>();
        lines.add((c.create() ? "Creating" : "Updating") + " stack " + c.stackName() + " for chapter "
                + m.order().chapterId() + ": " + c.changes().size() + (c.changes().size() == 1 ? " change" : " changes"));
        lines.add("");
        lines.addAll(pending.shown());
        lines.addAll(ChangePreview.lines(c));
        return s.withDeploy(pending.planned(c)).withPane(new ActionPane(Action.DEPLOY, Status.INFO, lines,
                ActionPane.Question.DEPLOY_CHANGES));
    }

    private static Next failed(State s, Msg.DeployFailed m) {
        String chapter = m.order() == null ? "" : m.order().chapterId();
        return end(s, switch (m.step()) {
            case PLAN -> new ActionPane(Action.DEPLOY, Status.FAILED, List.of("Could not plan chapter " + chapter + ": " + m.reason()));
            case DEPLOY -> new ActionPane(Action.DEPLOY, Status.FAILED, List.of("The deploy stopped: " + m.reason(),
                    "Press d to see where the stack is and try again."));
            case DELETE_FAILED_STACK -> new ActionPane(Action.DEPLOY, Status.FAILED,
                    List.of("Deleting the failed stack stopped: " + m.reason()));
            case WAIT -> new ActionPane(Action.DEPLOY, Status.FAILED, List.of("Stopped waiting for the stack: " + m.reason(),
                    "Press d to try again."));
            case DISCARD -> new ActionPane(Action.DEPLOY, Status.WARNING,
                    List.of("Cancelled, but the change set could not be deleted: " + m.reason()));
        });
    }

    private static Next concluded(State s, Msg.DeployConcluded m) {
        String chapter = m.order().chapterId();
        if (!m.success()) {
            return Next.of(BoardUpdate.conclude(s, Action.DEPLOY, Status.FAILED, List.of("Deploying chapter " + chapter
                    + " failed (" + m.finalStatus() + "); the reasons are above. Fix them and press d to deploy again.")));
        }
        return deployed(Next.of(BoardUpdate.conclude(s, Action.DEPLOY, Status.OK, List.of(nextAfterDeploy(s)))), chapter);
    }

    /** Redeploying under a running loop (chapter 5's canary is meant to be) needs no advice to start it. */
    private static String nextAfterDeploy(State s) {
        boolean trafficRunning = s.trafficBoard() != null && s.trafficBoard().sample().running();
        return trafficRunning ? "Next: the traffic loop is running: watch its answers (t), then look at the map (m)."
                : "Next: start the traffic loop (t), then look at the map (m).";
    }

    /** A chapter deployed (or already deployed) is marked so, and the mark saved. */
    private static Next deployed(Next n, String chapterId) {
        State s = n.state();
        State marked = s.withMark(chapterId, s.mark(chapterId).atLeast(Mark.DEPLOYED));
        return marked.marks().equals(s.marks()) ? Next.of(marked) : Next.of(marked, marked.course().save());
    }

    /** The flow ends on this pane: nothing is pending any more. */
    private static Next end(State s, ActionPane pane) {
        return Next.of(s.withDeploy(null).withPane(pane));
    }

    @SafeVarargs
    private static ActionPane pane(Status status, List<String>... parts) {
        List<String> lines = new ArrayList<>();
        for (List<String> part : parts) {
            lines.addAll(part);
        }
        return new ActionPane(Action.DEPLOY, status, lines);
    }

    /** The deploy in progress if it is this order's, else a fresh one (the learner may have asked again). */
    private static PendingDeploy orDefault(State s, DeployOrder order) {
        PendingDeploy pending = s.panes().deploy();
        return pending != null && order.equals(pending.order()) ? pending : PendingDeploy.of(order);
    }
}
