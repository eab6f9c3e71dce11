package dev.meshwalk.core;

import static dev.meshwalk.core.UpdateDriver.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.meshwalk.content.Chapter;

class UpdateTest {

    private static final String LONG = "# Long\n\n" + "A paragraph of lesson text.\n\n".repeat(60);
    private static final List<Chapter> CHAPTERS = List.of(
            new Chapter(0, "0-prelude", "Prelude", "stacks/0-prelude.yaml", "# Prelude\n\nShort.", null),
            new Chapter(1, "1-servicediscovery", "Service discovery", "", LONG, null),
            new Chapter(2, "2-meshify", "Meshify", "", "# Meshify\n\nEnvoy.", null),
            new Chapter(3, "3-routing", "Routing", "", "Broken", "3-routing.md: the front matter lacks 'id:'"));

    private final UpdateDriver driver = new UpdateDriver();
    private final List<Effect> effects = driver.effects;

    private State start() {
        return State.initial(CHAPTERS, new Size(100, 30), true, Target.local(), "/tmp/log");
    }

    private State send(State s, Msg... msgs) {
        return driver.send(s, msgs);
    }

    @Test
    void chapterMarksFollowWhatTheTargetHolds() {
        State s = send(start(), new Msg.ProgressLoaded(Map.of("1-servicediscovery", Mark.DEPLOYED,
                "2-meshify", Mark.DEPLOYED, "0-prelude", Mark.DONE), null));
        effects.clear();

        State one = send(s, new Msg.DeployedOnTarget(java.util.Optional.of("1-servicediscovery")));
        assertThat(one.mark("1-servicediscovery")).isEqualTo(Mark.DEPLOYED);
        assertThat(one.mark("2-meshify")).as("its stack is gone").isEqualTo(Mark.READ);
        assertThat(one.mark("0-prelude")).as("done stays done").isEqualTo(Mark.DONE);
        assertThat(effects).hasAtLeastOneElementOfType(Effect.SaveProgress.class);

        State none = send(one, new Msg.DeployedOnTarget(java.util.Optional.empty()));
        assertThat(none.mark("1-servicediscovery")).isEqualTo(Mark.READ);
        State three = send(none, new Msg.DeployedOnTarget(java.util.Optional.of("3-routing")));
        assertThat(three.mark("3-routing")).as("deployed from another terminal").isEqualTo(Mark.DEPLOYED);
    }

    @Test
    void startsOnTheChapterListWithAnUnusedPaneForEveryAction() {
        State s = start();
        assertThat(s.view()).isEqualTo(View.CHAPTERS);
        assertThat(s.starting()).isNotNull();
        assertThat(s.actions()).hasSize(Action.values().length);
        assertThat(s.actions().values()).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(Status.NOT_STARTED);
            assertThat(String.join(" ", p.lines())).contains("Press " + p.action().key() + " to start");
        });
    }

    @Test
    void numberKeySelectsAndEnterOpensTheChapter() {
        State s = send(start(), key('2'));
        assertThat(s.view()).isEqualTo(View.CHAPTERS);
        assertThat(s.selected()).isEqualTo(2);
        s = send(s, key(Key.Kind.ENTER));
        assertThat(s.view()).isEqualTo(View.LESSON);
        assertThat(s.current()).isEqualTo(2);
        assertThat(s.lesson()).isNotEmpty();
        assertThat(s.lessonWidth()).isEqualTo(s.layout().textWidth());
    }

    @Test
    void selectionStaysWithinTheListAndUnknownNumbersExplainThemselves() {
        State s = send(start(), key(Key.Kind.UP), key('k'));
        assertThat(s.selected()).isZero();
        s = send(s, key('j'), key(Key.Kind.DOWN), key(Key.Kind.DOWN), key(Key.Kind.DOWN), key('j'));
        assertThat(s.selected()).isEqualTo(3);
        s = send(s, key('7'));
        assertThat(s.selected()).isEqualTo(3);
        assertThat(s.notice()).isEqualTo("There is no chapter 7; the chapters are 0-3.");
    }

    @Test
    void aLetterTheScreenHasNoUseForSaysSoAndOtherKeysStaySilent() {
        State s = send(start(), key('B'));
        assertThat(s.notice()).isEqualTo("'B' does nothing here; ? lists the keys of this screen.");
        State lesson = send(start(), new Msg.OpenChapter(1));
        assertThat(send(lesson, key(Key.Kind.TAB)).notice()).as("no key of its own, and not a letter")
                .isEqualTo(lesson.notice());
        assertThat(send(lesson, key('B')).notice()).as("B is bound in a lesson: break it")
                .doesNotContain("does nothing");
    }

    @Test
    void scrollingIsClampedAndPagesByTheViewport() {
        State s = send(start(), new Msg.OpenChapter(1));
        int page = s.layout().viewportHeight() - 1;
        s = send(s, key(Key.Kind.UP));
        assertThat(s.scroll()).isZero();
        s = send(s, key(Key.Kind.PAGE_DOWN));
        assertThat(s.scroll()).isEqualTo(page);
        s = send(s, key('j'), key('k'), key('j'));
        assertThat(s.scroll()).isEqualTo(page + 1);
        s = send(s, key('G'));
        assertThat(s.scroll()).isEqualTo(s.maxScroll()).isPositive();
        s = send(s, key(' '));
        assertThat(s.scroll()).isEqualTo(s.maxScroll());
        s = send(s, key('g'));
        assertThat(s.scroll()).isZero();
    }

    @Test
    void reachingTheEndOfALessonMarksItReadAndSavesOnce() {
        State s = send(start(), new Msg.OpenChapter(1));
        assertThat(s.mark("1-servicediscovery")).isEqualTo(Mark.NOT_STARTED);
        assertThat(effects).isEmpty();
        s = send(s, key('G'));
        assertThat(s.mark("1-servicediscovery")).isEqualTo(Mark.READ);
        assertThat(effects).containsExactly(new Effect.SaveProgress(Map.of("1-servicediscovery", Mark.READ), Map.of()));
        send(s, key('g'), key('G'));
        assertThat(effects).hasSize(1);
    }

    @Test
    void aShortLessonIsReadAsSoonAsItIsOpenedButAnUnreadableOneIsNot() {
        State s = send(start(), new Msg.OpenChapter(0));
        assertThat(s.mark("0-prelude")).isEqualTo(Mark.READ);
        s = send(s, new Msg.OpenChapter(3));
        assertThat(s.mark("3-routing")).isEqualTo(Mark.NOT_STARTED);
        assertThat(s.notice()).contains("lacks 'id:'");
    }

    @Test
    void nextAndPreviousMoveBetweenChaptersAndStopAtTheEnds() {
        State s = send(start(), new Msg.OpenChapter(2), key('n'));
        assertThat(s.current()).isEqualTo(3);
        s = send(s, key('n'));
        assertThat(s.current()).isEqualTo(3);
        assertThat(s.notice()).isEqualTo("This is the last chapter.");
        s = send(s, key('p'), key('p'), key('p'), key('p'));
        assertThat(s.current()).isZero();
        assertThat(s.notice()).isEqualTo("This is the first chapter.");
        assertThat(s.scroll()).isZero();
    }

    @Test
    void escapeGoesBackToTheListWithTheChapterSelected() {
        State s = send(start(), new Msg.OpenChapter(2), key(Key.Kind.ESCAPE));
        assertThat(s.view()).isEqualTo(View.CHAPTERS);
        assertThat(s.selected()).isEqualTo(2);
    }

    @Test
    void helpOverlayOpensWithQuestionMarkAndAnyKeyClosesIt() {
        State s = send(start(), key('?'));
        assertThat(s.overlay()).isEqualTo(Overlay.HELP);
        s = send(s, key('j'));
        assertThat(s.overlay()).isEqualTo(Overlay.NONE);
        assertThat(s.selected()).as("the closing key does nothing else").isZero();
    }

    @Test
    void quitIsImmediateWhenNothingRunsAndConfirmedWhenSomethingDoes() {
        assertThat(Update.apply(start(), key('q')).quits()).isTrue();

        State running = send(start(), new Msg.RunningChanged(true));
        Next asked = Update.apply(running, key('q'));
        assertThat(asked.quits()).isFalse();
        assertThat(asked.state().overlay()).isEqualTo(Overlay.CONFIRM_QUIT);
        Next cancelled = Update.apply(asked.state(), key('n'));
        assertThat(cancelled.quits()).isFalse();
        assertThat(cancelled.state().overlay()).isEqualTo(Overlay.NONE);
        assertThat(Update.apply(asked.state(), key('y')).quits()).isTrue();
        assertThat(Update.apply(running, key(Key.Kind.CTRL_C)).quits()).isTrue();
    }

    @Test
    void trafficKeyOpensThePaneAndAsksToStartTheLoopButIsNotRunningUntilTheEffectSaysSo() {
        State s = send(start(), new Msg.OpenChapter(2), key('t'));
        assertThat(s.focused()).isEqualTo(Action.TRAFFIC);
        assertThat(s.view()).isEqualTo(View.ACTION);
        assertThat(effects).contains(new Effect.ToggleTraffic());
        assertThat(s.running()).isFalse();
        assertThat(effects).doesNotHaveAnyElementsOfTypes(Effect.Quit.class);
        s = send(s, new Msg.TrafficStarted("http://front", java.time.Duration.ofMillis(500)));
        assertThat(s.trafficBoard().endpoint()).isEqualTo("http://front");
        assertThat(s.actions().get(Action.TRAFFIC).status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void resizingRewrapsTheLessonAndKeepsTheReaderNearTheSamePlace() {
        State s = send(start(), new Msg.OpenChapter(1), key(Key.Kind.PAGE_DOWN), key(Key.Kind.PAGE_DOWN));
        double fraction = (double) s.scroll() / s.lesson().size();
        s = send(s, new Msg.Resized(new Size(200, 60)));
        assertThat(s.lessonWidth()).isEqualTo(Layout.MAX_TEXT_WIDTH);
        assertThat((double) s.scroll() / s.lesson().size()).isCloseTo(fraction, org.assertj.core.data.Offset.offset(0.05));
        assertThat(s.scroll()).isLessThanOrEqualTo(s.maxScroll());
    }

    @Test
    void tooSmallScreenIgnoresNavigationButStillQuits() {
        State s = send(start(), new Msg.Resized(new Size(60, 20)), key('2'));
        assertThat(s.selected()).isZero();
        assertThat(Update.apply(s, key('q')).quits()).isTrue();
    }

    @Test
    void loadedProgressMergesWithMarksMadeMeanwhileAndReportsProblems() {
        State s = send(start(), new Msg.OpenChapter(0));
        effects.clear();
        s = send(s, new Msg.ProgressLoaded(Map.of("2-meshify", Mark.DEPLOYED, "0-prelude", Mark.NOT_STARTED),
                "Saved progress was unreadable; moved aside"));
        assertThat(s.marks()).containsEntry("0-prelude", Mark.READ).containsEntry("2-meshify", Mark.DEPLOYED);
        assertThat(s.starting()).isNull();
        assertThat(s.notice()).contains("unreadable");
        assertThat(effects).singleElement().isInstanceOf(Effect.SaveProgress.class);
    }

    @Test
    void marksOnlyMoveForward() {
        assertThat(Mark.DEPLOYED.atLeast(Mark.READ)).isEqualTo(Mark.DEPLOYED);
        assertThat(Mark.READ.atLeast(Mark.DONE)).isEqualTo(Mark.DONE);
        assertThat(Mark.parse("deployed")).contains(Mark.DEPLOYED);
        assertThat(Mark.parse("not started")).contains(Mark.NOT_STARTED);
        assertThat(Mark.parse("bogus")).isEmpty();
    }

    @Test
    void everyStatusHasADistinctSymbolInBothGlyphSets() {
        assertThat(java.util.Arrays.stream(Status.values()).map(Status::symbol).distinct().count()).isEqualTo(Status.values().length);
        assertThat(java.util.Arrays.stream(Status.values()).map(Status::asciiSymbol).distinct().count()).isEqualTo(Status.values().length);
        assertThat(java.util.Arrays.stream(Status.values()).map(Status::asciiSymbol)).allMatch(a -> a.chars().allMatch(c -> c < 128));
    }
}
