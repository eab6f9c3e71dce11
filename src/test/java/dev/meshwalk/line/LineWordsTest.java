package dev.meshwalk.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import dev.meshwalk.content.Chapter;
import dev.meshwalk.content.ChapterCatalog;
import dev.meshwalk.content.LessonSource;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Target;
import org.junit.jupiter.api.Test;

/** Line mode prints the core's key hints as its own commands. */
class LineWordsTest {

    @Test
    void aKeyInParenthesesBecomesTheLineCommand() {
        assertThat(LineWords.commands("Next: start the traffic loop (t), then look at the map (m)."))
                .isEqualTo("Next: start the traffic loop ('traffic'), then look at the map ('map').");
        assertThat(LineWords.commands("deploy chapter 4 (d) and check again")).isEqualTo(
                "deploy chapter 4 ('deploy') and check again");
    }

    @Test
    void aPressedKeyInAPanesAdviceBecomesTheCommandToType() {
        assertThat(LineWords.commands("Press d to plan again.")).isEqualTo("Type 'deploy' to plan again.");
        assertThat(LineWords.commands("Use teardown (x), or press d again."))
                .isEqualTo("Use teardown ('teardown'), or type 'deploy' again.");
        assertThat(LineWords.commands("Kept everything. Press x to see the list again."))
                .isEqualTo("Kept everything. Type 'teardown' to see the list again.");
        assertThat(LineWords.commands("Press y to delete, or press p")).as("keys line mode has no command for stay")
                .isEqualTo("Press y to delete, or press p");
        assertThat(LineWords.commands("Compress d.")).as("only the word press").isEqualTo("Compress d.");
    }

    @Test
    void otherTextIsLeftAlone() {
        assertThat(LineWords.commands("ColorService (ECS::Service) UPDATE_FAILED (a)"))
                .isEqualTo("ColorService (ECS::Service) UPDATE_FAILED (a)");
    }

    @Test
    void aLessonsKeysBecomeTheCommandsToTypeAndKeysWithoutOneStay() {
        assertThat(LineWords.lessonCommands("Press `d` to deploy (answer `y`), then `t` to start the loop."))
                .isEqualTo("Type `deploy` to deploy (answer `y`), then `traffic` to start the loop.");
        assertThat(LineWords.lessonCommands("With the traffic loop running (`t`), press `B`: ECS stops one task.\n"
                + "Press\n`V` to check (after chapter 3, press `r` in the traffic pane; `t`/`s` stop it)."))
                .isEqualTo("With the traffic loop running (`traffic`), type `break-it`: ECS stops one task.\n"
                        + "Type\n`check` to check (after chapter 3, press `r` in the traffic pane; `t`/`s` stop it).");
    }

    @Test
    void readingTheFirstChapterInLineModeNamesItsCommands() {
        List<Chapter> chapters = ChapterCatalog.load(
                LessonSource.classpath("lessons")).chapters();
        StringWriter printed = new StringWriter();
        LineSession s = new LineSession(State.initial(chapters, new Size(80, 24),
                false, Target.local(), "log"), new EffectRunner() {
                    @Override
                    public void run(Effect effect) {
                    }

                    @Override
                    public void close() {
                    }
                }, new PrintWriter(printed, true), 80);
        s.handle("read 0");
        String text = printed.toString().replaceAll("\\s+", " ");
        assertThat(text).contains("type break-it").contains("(traffic)").doesNotContain("press B")
                .doesNotContain("(t)");
    }
}
