package dev.meshwalk.core;

import static dev.meshwalk.core.UpdateDriver.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.meshwalk.content.Chapter;

/** The teardown menu's transitions: listing pre-picks everything, the keys move and pick, y deletes exactly the picks. */
class TeardownPickingTest {

    private static final List<Chapter> CHAPTERS = List.of(
            new Chapter(0, "0-prelude", "Prelude", "stacks/0-prelude.yaml", "# Prelude\n\nShort.", null));

    private static final TeardownItem STACK = new TeardownItem("CloudFormation stack", "meshwalk-x", "CREATE_COMPLETE, chapter 3-routing", false);
    private static final TeardownItem FRONT = new TeardownItem("CloudWatch dashboard", "meshwalk-x-front-node", "exists", false);
    private static final TeardownItem COLOR = new TeardownItem("CloudWatch dashboard", "meshwalk-x-color-node", "exists", false);

    private final UpdateDriver driver = new UpdateDriver();
    private final List<Effect> effects = driver.effects;

    private State send(State s, Msg... msgs) {
        return driver.send(s, msgs);
    }

    /** The menu as the learner sees it after x: the three items listed. */
    private State listed() {
        State s = send(State.initial(CHAPTERS, new Size(100, 30), true, Target.local(), "/tmp/log"), key('x'),
                new Msg.TeardownListed(List.of(STACK, FRONT, COLOR), List.of("Dashboards could not be checked: nope")));
        effects.clear();
        return s;
    }

    private static List<Boolean> picks(State s) {
        return s.teardown().items().stream().map(TeardownItem::picked).toList();
    }

    @Test
    void theInventoryArrivesWithEveryItemPickedTheCursorOnTheFirstAndTheQuestionCountingThem() {
        State s = listed();
        assertThat(picks(s)).containsExactly(true, true, true);
        assertThat(s.teardown().cursor()).isZero();
        ActionPane pane = s.actions().get(Action.TEARDOWN);
        assertThat(pane.question()).isEqualTo(ActionPane.Question.TEARDOWN);
        assertThat(pane.lines()).anyMatch(l -> l.contains("Dashboards could not be checked: nope"));
        assertThat(s.prompt(Action.TEARDOWN))
                .isEqualTo("Delete 3 picked items? y = delete, space = pick/unpick, esc = keep all");
        assertThat(s.prompt(Action.TEARDOWN).length()).as("fits an 80-column screen").isLessThanOrEqualTo(78);
    }

    @Test
    void arrowsAndJkMoveTheCursorWithinTheListAndSpaceTogglesTheItemUnderIt() {
        State s = listed();
        s = send(s, key(Key.Kind.UP));
        assertThat(s.teardown().cursor()).as("stops at the first").isZero();
        s = send(s, key(Key.Kind.DOWN), key(' '));
        assertThat(picks(s)).containsExactly(true, false, true);
        s = send(s, key('j'), key('j'), key('j'));
        assertThat(s.teardown().cursor()).as("stops at the last").isEqualTo(2);
        s = send(s, key(' '), key('k'), key(' '));
        assertThat(picks(s)).containsExactly(true, true, false);
        assertThat(s.prompt(Action.TEARDOWN)).startsWith("Delete 2 picked items?");
        assertThat(effects).as("picking runs nothing").isEmpty();
        assertThat(s.view()).isEqualTo(View.ACTION);
    }

    @Test
    void aPicksNoneWhenAllArePickedAndAllOtherwise() {
        State s = send(listed(), key('a'));
        assertThat(picks(s)).containsExactly(false, false, false);
        assertThat(s.prompt(Action.TEARDOWN)).startsWith("Nothing is picked.");
        s = send(s, key(' '), key('a'));
        assertThat(picks(s)).containsExactly(true, true, true);
        s = send(s, key(' '), key('a'));
        assertThat(picks(s)).as("some unpicked: a picks all").containsExactly(true, true, true);
    }

    @Test
    void yDeletesExactlyThePickedItemsAndClosesTheMenu() {
        State s = send(listed(), key('j'), key(' '), key('y'));
        assertThat(effects).containsExactly(new Effect.DeletePicked(List.of(STACK.withPicked(true), COLOR.withPicked(true))));
        assertThat(s.teardown().items()).isEmpty();
        ActionPane pane = s.actions().get(Action.TEARDOWN);
        assertThat(pane.question()).isEqualTo(ActionPane.Question.NONE);
        assertThat(pane.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(pane.lines()).containsExactly("Deleting 2 picked items ...");
    }

    @Test
    void yWithNothingPickedAsksTheEffectsToSaySoAndDeletesNothing() {
        State s = send(listed(), key('a'), key('y'));
        assertThat(effects).as("nothing to delete: the core says so itself").isEmpty();
        assertThat(s.actions().get(Action.TEARDOWN).question()).isEqualTo(ActionPane.Question.NONE);
        assertThat(s.actions().get(Action.TEARDOWN).lines()).containsExactly("Nothing was picked, so nothing was deleted.",
                "Press x to see the list again.");
    }

    @Test
    void escOrNKeepsEverythingAndEnterDoesNotDelete() {
        State s = send(listed(), key(Key.Kind.ENTER));
        assertThat(effects).isEmpty();
        assertThat(s.notice()).contains("Press y to delete");
        assertThat(s.actions().get(Action.TEARDOWN).question()).isEqualTo(ActionPane.Question.TEARDOWN);
        State kept = send(s, key(Key.Kind.ESCAPE));
        assertThat(effects).as("keeping everything needs no effect").isEmpty();
        assertThat(kept.actions().get(Action.TEARDOWN).lines()).containsExactly("Kept everything. Press x to see the list again.");
        assertThat(kept.view()).as("esc answers, it does not leave the pane").isEqualTo(View.ACTION);
        assertThat(kept.teardown().items()).isEmpty();
        effects.clear();
        State keptWithN = send(s, key('n'));
        assertThat(effects).isEmpty();
        assertThat(keptWithN.actions().get(Action.TEARDOWN).lines()).containsExactly("Kept everything. Press x to see the list again.");
    }

    @Test
    void lineModePicksReplaceThePicksAndNeedAnOpenMenu() {
        State s = send(listed(), new Msg.TeardownPicked(Set.of(1)));
        assertThat(picks(s)).containsExactly(false, true, false);
        s = send(s, new Msg.TeardownPicked(Set.of(0, 2)));
        assertThat(picks(s)).containsExactly(true, false, true);
        State closed = send(s, key('n'), new Msg.TeardownPicked(Set.of(0)));
        assertThat(closed.notice()).contains("Nothing to pick from");
    }

    @Test
    void xInTheTeardownPaneListsAgainOnceTheMenuIsAnswered() {
        State s = send(listed(), key('n'));
        effects.clear();
        send(s, key('x'));
        assertThat(effects).as("the pane says 'press x to see the list again'").containsExactly(new Effect.TeardownInventory());
    }

    @Test
    void anEmptyInventorySaysPlainlyThatNothingIsLeftAndAsksNothing() {
        State s = send(State.initial(CHAPTERS, new Size(100, 30), false, Target.local(), "/tmp/log"), key('x'),
                new Msg.TeardownListed(List.of(), List.of()));
        ActionPane pane = s.actions().get(Action.TEARDOWN);
        assertThat(pane.question()).isEqualTo(ActionPane.Question.NONE);
        assertThat(pane.status()).isEqualTo(Status.OK);
        assertThat(pane.lines()).containsExactly("[+] Nothing the tutorial created is left on this target.");
    }

    @Test
    void xAgainDoesNotListAgainWhileTheMenuAsks() {
        State s = listed();
        s = send(s, key('x'));
        assertThat(effects).isEmpty();
        assertThat(picks(s)).containsExactly(true, true, true);
    }
}
