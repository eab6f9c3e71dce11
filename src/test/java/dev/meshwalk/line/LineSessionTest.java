package dev.meshwalk.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.Test;

import dev.meshwalk.content.ChapterCatalog;
import dev.meshwalk.content.LessonSource;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.Mark;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Target;

class LineSessionTest {

    private static final ChapterCatalog CATALOG = ChapterCatalog.load(LessonSource.classpath("lessons-fixture"));

    private final StringWriter buffer = new StringWriter();
    private final List<Effect> effects = new ArrayList<>();
    private final EffectRunner recorder = new EffectRunner() {
        @Override
        public void run(Effect effect) {
            effects.add(effect);
        }

        @Override
        public void close() {
        }
    };

    private State initial() {
        return State.initial(CATALOG.chapters(), new Size(80, 24), false, Target.local(), "log");
    }

    private LineSession session() {
        return new LineSession(initial(), recorder, new PrintWriter(buffer, true), 60);
    }

    @Test
    void chaptersListsEveryChapterWithItsMark() {
        LineSession s = session();
        s.receive(new Msg.ProgressLoaded(Map.of("2-meshify", Mark.DEPLOYED), null));
        s.handle("chapters");
        assertThat(buffer.toString()).contains("0  Prelude").contains("3  Routing")
                .contains("[ ] not started").contains("2  Meshify           [d] deployed");
    }

    @Test
    void readPrintsTheWholeRenderedChapterAndMarksItRead() {
        LineSession s = session();
        assertThat(s.handle("read 3")).isTrue();
        String out = buffer.toString();
        assertThat(out).contains("Chapter 3 of 3: Routing").contains("traffic by weight")
                .contains("The end of the routing fixture").doesNotContain("# Routing");
        assertThat(out.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
        assertThat(s.state().mark("3-routing")).isEqualTo(Mark.READ);
        assertThat(effects).containsExactly(new Effect.SaveProgress(Map.of("3-routing", Mark.READ), Map.of()));
    }

    @Test
    void readAcceptsIdsAndExplainsUnknownChapters() {
        LineSession s = session();
        s.handle("read meshify");
        assertThat(buffer.toString()).contains("Chapter 2 of 3: Meshify");
        s.handle("read 9");
        assertThat(buffer.toString()).contains("There is no chapter '9'. Use a number 0-3 or an id");
        s.handle("read");
        assertThat(buffer.toString()).contains("Which chapter?");
    }

    @Test
    void nextAndPrevWalkTheChaptersAndStopAtTheEnds() {
        LineSession s = session();
        s.handle("next");
        assertThat(s.state().current()).isZero();
        s.handle("prev");
        assertThat(buffer.toString()).contains("This is the first chapter.");
        s.handle("read 3");
        s.handle("next");
        assertThat(buffer.toString()).contains("This is the last chapter.");
        s.handle("prev");
        assertThat(s.state().current()).isEqualTo(2);
    }

    @Test
    void aNumberAloneOpensThatChapterAsTheFullScreensDigitsDo() {
        LineSession s = session();
        s.handle("2");
        assertThat(s.state().current()).isEqualTo(2);
        s.handle("7");
        assertThat(buffer.toString()).contains("There is no chapter '7'");
        assertThat(s.state().current()).isEqualTo(2);
    }

    @Test
    void trafficTakesACountFromOneUpAndSaysSoWhenGivenAnythingElse() {
        PrintWriter out = new PrintWriter(buffer, true);
        assertThat(LineSession.trafficCount("", out)).isEqualTo(20);
        assertThat(LineSession.trafficCount("50", out)).isEqualTo(50);
        assertThat(buffer.toString()).isEmpty();
        for (String bad : List.of("0", "-5", "abc", "2.5")) {
            assertThat(LineSession.trafficCount(bad, out)).as(bad).isEqualTo(20);
        }
        assertThat(buffer.toString().lines()).hasSize(4)
                .allMatch(l -> l.equals("'traffic' takes a number of requests from 1 up, e.g. 'traffic 50'; sending 20."));
    }

    @Test
    void unknownCommandsSayHowToGetHelp() {
        LineSession s = session();
        assertThat(s.handle("deplyo 2")).isTrue();
        assertThat(buffer.toString()).contains("Unknown command 'deplyo'. Type help to see the commands.");
        s.handle("help");
        assertThat(buffer.toString()).contains("read <n|id>").contains("deploy [n|id] [NAME=VALUE ...]").contains("traffic [n]")
                .contains("teardown").contains("quit");
    }

    @Test
    void quitEndsTheSession() {
        LineSession s = session();
        assertThat(s.handle("quit")).isFalse();
        assertThat(s.quitting()).isTrue();
    }

    @Test
    void pipedCommandsRunInOrderAndEndCleanlyAtEndOfInput() throws Exception {
        StringWriter out = new StringWriter();
        LinkedBlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
        inbox.add(new Msg.ProgressLoaded(Map.of(), "Saved progress was unreadable (it is not valid JSON)"));
        byte[] script = "chapters\nread 1\n".getBytes(StandardCharsets.UTF_8);
        LineMode.runScripted(initial(), List.of(new Effect.LoadProgress()), recorder, inbox,
                new ByteArrayInputStream(script), new PrintWriter(out, true), 80, -1);
        String text = out.toString();
        assertThat(text).contains("note: Saved progress was unreadable");
        assertThat(text.indexOf("Chapters:")).isLessThan(text.indexOf("Chapter 1 of 3: Service discovery"));
        assertThat(text).contains("color registers in Cloud Map");
    }

    @Test
    void aCtrlCDuringADeployIsExplainedFromWhatTheSessionLastSaw() {
        LineSession s = session();
        assertThat(s.interruptionNote()).isEmpty();

        s.receive(new Msg.DeployStarted(dev.meshwalk.core.DeployOrder.of("0-prelude"), "meshwalk-howto-ecs-basics"));

        assertThat(String.join("\n", s.interruptionNote()))
                .contains("Interrupted during a deploy", "carries on without us", "status", "teardown");
    }
}
