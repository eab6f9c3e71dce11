package dev.meshwalk.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.time.Duration;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.meshwalk.facts.CancelOutcome;
import dev.meshwalk.content.ChapterCatalog;
import dev.meshwalk.content.LessonSource;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.ChangeSet;
import dev.meshwalk.core.DeployOrder;
import dev.meshwalk.core.TeardownVerdict;
import dev.meshwalk.core.ResourcePhase;
import dev.meshwalk.core.ActionPane;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Status;
import dev.meshwalk.core.Target;
import dev.meshwalk.core.TeardownItem;

/**
 * Line mode's teardown menu (numbered items, picks by number, all/none, then yes) and its answers to a busy stack
 * (wait, cancel, no), against a scripted effect runner that answers the way the real effects do.
 * A missing answer would make line mode wait for minutes, hence the timeout.
 */
@Timeout(20)
class LineTeardownAndBusyStackTest {

    private static final ChapterCatalog CATALOG = ChapterCatalog.load(LessonSource.classpath("lessons-fixture"));
    private static final TeardownItem STACK = new TeardownItem("CloudFormation stack", "meshwalk-x", "CREATE_COMPLETE", true);
    private static final TeardownItem FRONT = new TeardownItem("CloudWatch dashboard", "meshwalk-x-front-node", "exists", true);
    private static final TeardownItem COLOR = new TeardownItem("CloudWatch dashboard", "meshwalk-x-color-node", "exists", true);

    private final StringWriter buffer = new StringWriter();
    private final LinkedBlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
    private final List<Effect> ran = Collections.synchronizedList(new ArrayList<>());
    private ActionPane.Question busyQuestion = ActionPane.Question.STACK_BUSY;

    private static final DeployOrder PRELUDE = DeployOrder.of("0-prelude");

    /** Whether the busy stack has settled, so the next plan finds a change set. */
    private boolean settled;

    /** Answers like ActionEffects: an inventory, deletions with a verdict, a busy stack, waiting, then a preview. */
    private final EffectRunner scripted = new EffectRunner() {
        @Override
        public void run(Effect effect) {
            ran.add(effect);
            if (effect instanceof Effect.TeardownInventory) {
                inbox.add(new Msg.TeardownListed(List.of(STACK, FRONT, COLOR), List.of()));
            } else if (effect instanceof Effect.DeletePicked d) {
                List<TeardownItem> kept = new ArrayList<>(List.of(STACK, FRONT, COLOR));
                kept.removeAll(d.picked());
                inbox.add(new Msg.TeardownStarted(d.picked(), false));
                inbox.add(new Msg.TeardownVerified(true, List.of("Deleted " + d.picked().size() + " items."), List.of(),
                        new TeardownVerdict(List.of(), kept, 0)));
            } else if (effect instanceof Effect.DiscardChangeSet) {
                inbox.add(new Msg.ChangeSetDiscarded());
            } else if (effect instanceof Effect.PlanDeploy p) {
                if (settled) { // planned again after the wait: this time there is a change set
                    settled = false;
                    inbox.add(new Msg.DeployPlanned(p.order(), new ChangeSet("meshwalk-x", "cs-1", false, List.of(
                            new ChangeSet.Change(ChangeSet.Kind.ADD, "Cluster", "ECS::Cluster", null, "the ECS cluster")),
                            java.util.Map.of())));
                    return;
                }
                inbox.add(new Msg.StackBusyFound(p.order(), "meshwalk-x",
                        busyQuestion == ActionPane.Question.STACK_BUSY ? "UPDATE_IN_PROGRESS" : "CREATE_IN_PROGRESS"));
            } else if (effect instanceof Effect.AnswerBusyStack b) {
                if (b.choice() == Effect.BusyChoice.LEAVE) {
                    inbox.add(new Msg.BusyStackLeft("meshwalk-x", "UPDATE_IN_PROGRESS"));
                    return;
                }
                boolean cancel = b.choice() == Effect.BusyChoice.CANCEL;
                inbox.add(new Msg.StackWaitStarted("meshwalk-x", "0-prelude", "UPDATE_IN_PROGRESS", ResourcePhase.IN_PROGRESS,
                        cancel ? new CancelOutcome.Requested() : null));
                inbox.add(new Msg.StackWaitChanged(cancel ? "UPDATE_ROLLBACK_IN_PROGRESS" : "UPDATE_IN_PROGRESS",
                        cancel ? ResourcePhase.ROLLING_BACK : ResourcePhase.IN_PROGRESS, Duration.ZERO));
                inbox.add(new Msg.StackWaitTicked(Duration.ofSeconds(1)));
                settled = true; // the core plans the order again once the stack settled
                inbox.add(new Msg.StackWaitSettled(cancel ? "UPDATE_ROLLBACK_COMPLETE" : "UPDATE_COMPLETE",
                        cancel ? ResourcePhase.ROLLED_BACK : ResourcePhase.DONE, Duration.ofSeconds(2)));
            }
        }

        @Override
        public void close() {
        }
    };

    private LineSession session() {
        LineSession s = new LineSession(State.initial(CATALOG.chapters(), new Size(80, 24), false, Target.local(), "log"),
                scripted, new PrintWriter(buffer, true), 80);
        s.attachInbox(inbox);
        return s;
    }

    private String output(Runnable r) {
        buffer.getBuffer().setLength(0);
        r.run();
        return buffer.toString();
    }

    @Test
    void teardownListsNumberedItemsAllPickedAndNumbersPickOnlyThose() {
        LineSession s = session();
        String listed = output(() -> s.handle("teardown"));
        assertThat(listed).contains("  1. [x] CloudFormation stack meshwalk-x  (CREATE_COMPLETE)")
                .contains("  2. [x] CloudWatch dashboard meshwalk-x-front-node  (exists)")
                .contains("  3. [x] CloudWatch dashboard meshwalk-x-color-node  (exists)")
                .contains("Delete the 3 picked items?").contains("'1 3'").contains("'all', 'none'");
        String picked = output(() -> s.handle("2,3"));
        assertThat(picked).contains("  1. [ ] CloudFormation stack").contains("  2. [x] CloudWatch dashboard meshwalk-x-front-node")
                .contains("Delete the 2 picked items?");
        String done = output(() -> s.handle("yes"));
        assertThat(ran).contains(new Effect.DeletePicked(List.of(FRONT, COLOR)));
        assertThat(done).contains("Deleted 2 items.").contains("Verified: everything you picked is gone.");
    }

    @Test
    void allNoneAndPickWorkAndBadPicksAreRefusedWithoutChangingAnything() {
        LineSession s = session();
        s.handle("teardown");
        assertThat(output(() -> s.handle("none"))).contains("  1. [ ]").contains("  3. [ ]").contains("Nothing is picked.");
        assertThat(output(() -> s.handle("all"))).contains("  1. [x]").contains("  3. [x]");
        assertThat(output(() -> s.handle("4"))).contains("Pick items by number, e.g. '1 3' (the items are 1-3), or 'all' or 'none'. Nothing was changed.");
        assertThat(output(() -> s.handle("pick one"))).contains("Pick items by number");
        assertThat(s.state().teardown().picked()).hasSize(3);
        assertThat(output(() -> s.handle("pick 1"))).contains("  1. [x]").contains("  2. [ ]").contains("Delete the 1 picked item?");
        s.handle("yes");
        assertThat(ran).contains(new Effect.DeletePicked(List.of(STACK)));
    }

    @Test
    void yesWithNothingPickedSaysNothingWasDeletedAndNoKeepsEverything() {
        LineSession s = session();
        s.handle("teardown");
        s.handle("none");
        assertThat(output(() -> s.handle("yes"))).contains("Nothing was picked, so nothing was deleted.");
        assertThat(ran).as("nothing to delete: no effect runs").noneMatch(e -> e instanceof Effect.DeletePicked);
        s.handle("teardown");
        assertThat(output(() -> s.handle("no"))).contains("Kept everything.");
        assertThat(output(() -> s.handle("1 3"))).as("no menu open: numbers are not picks")
                .contains("Unknown command '1'");
    }

    @Test
    void aBusyStackOffersWaitCancelOrNoAndWaitingEndsInThePreview() {
        LineSession s = session();
        String asked = output(() -> s.handle("deploy 0"));
        assertThat(asked).contains("busy (UPDATE_IN_PROGRESS)")
                .contains("Type 'wait' to wait for it, 'cancel' to cancel that update (CloudFormation rolls back), or 'no' to leave it.");
        String waited = output(() -> s.handle("wait"));
        assertThat(ran).contains(new Effect.AnswerBusyStack(Effect.BusyChoice.WAIT, PRELUDE));
        assertThat(waited).contains("Statuses seen:").contains("UPDATE_IN_PROGRESS").contains("+ Cluster")
                .contains("Deploy these changes?");
        s.handle("no");

        String again = output(() -> s.handle("deploy 0"));
        assertThat(again).contains("'cancel'");
        assertThat(output(() -> s.handle("cancel"))).contains("UPDATE_ROLLBACK_IN_PROGRESS").contains("Deploy these changes?");
        assertThat(ran).contains(new Effect.AnswerBusyStack(Effect.BusyChoice.CANCEL, PRELUDE));
    }

    @Test
    void anOperationThatCannotBeCancelledOffersWaitOrNoAndRefusesCancel() {
        busyQuestion = ActionPane.Question.STACK_BUSY_NO_CANCEL;
        LineSession s = session();
        assertThat(output(() -> s.handle("deploy 0"))).contains("Type 'wait' to wait for it, or 'no' to leave it (it cannot be cancelled).");
        assertThat(output(() -> s.handle("cancel"))).contains("Only an update (UPDATE_IN_PROGRESS) can be cancelled");
        assertThat(ran).noneMatch(e -> e instanceof Effect.AnswerBusyStack);
        assertThat(output(() -> s.handle("no"))).contains("Left the stack meshwalk-x alone");
        assertThat(ran).contains(new Effect.AnswerBusyStack(Effect.BusyChoice.LEAVE, PRELUDE));
        assertThat(output(() -> s.handle("wait"))).contains("No stack is busy right now");
    }
}
