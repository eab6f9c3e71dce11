package dev.meshwalk.line;

import static org.assertj.core.api.Assertions.assertThat;

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
        java.util.List<dev.meshwalk.content.Chapter> chapters = dev.meshwalk.content.ChapterCatalog.load(
                dev.meshwalk.content.LessonSource.classpath("lessons")).chapters();
        java.io.StringWriter printed = new java.io.StringWriter();
        LineSession s = new LineSession(dev.meshwalk.core.State.initial(chapters, new dev.meshwalk.core.Size(80, 24),
                false, dev.meshwalk.core.Target.local(), "log"), new dev.meshwalk.core.EffectRunner() {
                    @Override
                    public void run(dev.meshwalk.core.Effect effect) {
                    }

                    @Override
                    public void close() {
                    }
                }, new java.io.PrintWriter(printed, true), 80);
        s.handle("read 0");
        String text = printed.toString().replaceAll("\\s+", " ");
        assertThat(text).contains("type break-it").contains("(traffic)").doesNotContain("press B")
                .doesNotContain("(t)");
    }
}
