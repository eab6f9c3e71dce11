package dev.meshwalk.core;

import static dev.meshwalk.core.UpdateDriver.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.meshwalk.content.Chapter;

/**
 * The deploy pane's parameters view: p opens it on the template's settable parameters, a value the template refuses
 * is not kept (the message says why), a kept one is saved with progress, d plans the deploy with the values.
 */
class ParameterFormTest {

    private static final List<Chapter> CHAPTERS = List.of(
            new Chapter(0, "0-prelude", "Prelude", "", "# Prelude\n\nShort.", null),
            new Chapter(1, "1-servicediscovery", "SD", "", "# SD\n\nShort.", null),
            new Chapter(2, "2-meshify", "Meshify", "", "# Meshify\n\nEnvoy.", null),
            new Chapter(3, "3-routing", "Routing", "", "# Routing\n\nSplit.", null));

    private final UpdateDriver driver = new UpdateDriver();

    private State opened() throws Exception {
        State s = driver.send(State.initial(CHAPTERS, new Size(100, 30), true, Target.local(), "/tmp/log"),
                new Msg.OpenChapter(3), key('c'));
        s = driver.send(s, key('p'));
        assertThat(driver.effects).contains(new Effect.LoadParameters("3-routing"));
        driver.effects.clear();
        return driver.send(s, new Msg.ParametersLoaded("3-routing",
                ParameterForm.settable(Files.readString(Path.of("stacks/3-routing.yaml"))),
                Map.of("ColorWeight", "50", "ColorV2Weight", "50"), null));
    }

    private static String pane(State s) {
        return String.join("\n", s.actions().get(Action.DEPLOY).lines());
    }

    @Test
    void showsEachSettableParameterWithDefaultDescriptionAndDeployedValue() throws Exception {
        String pane = pane(opened());
        assertThat(pane).contains("ColorWeight = 50   (default 50)   deployed 50")
                .as("the line under it says what is allowed, not the default again")
                .contains("\n    (0-100)  Relative share of requests routed to color (green).")
                .contains("\n    Port both apps listen on inside their tasks.")
                .contains("Relative share of requests routed to color-v2 (blue).").contains("TasksPerService")
                .doesNotContain("ProjectName").doesNotContain("FrontAppImage").doesNotContain("VpcCidr");
    }

    private State typed(State s, String text) {
        State at = s;
        for (char c : text.toCharArray()) {
            at = driver.send(at, key(c));
        }
        return at;
    }

    private State toColorWeight(State s) {
        State at = s;
        for (int i = 0; i < 10 && !at.panes().parameters().selected().name().equals("ColorWeight"); i++) {
            at = driver.send(at, key('j'));
        }
        return at;
    }

    @Test
    void aRefusedValueKeepsTheOldOneAndSaysWhy() throws Exception {
        State s = toColorWeight(opened());
        s = driver.send(s, key(Key.Kind.ENTER), key(Key.Kind.BACKSPACE), key(Key.Kind.BACKSPACE));
        s = driver.send(typed(s, "200"), key(Key.Kind.ENTER));
        assertThat(pane(s)).contains("ColorWeight=200 is out of range").contains("Kept 50")
                .contains("ColorWeight = 50");
        assertThat(s.course().parameters("3-routing")).isEmpty();
        assertThat(driver.effects).noneMatch(e -> e instanceof Effect.SaveProgress);
    }

    @Test
    void aKeptValueIsSavedAndTheDeployUsesIt() throws Exception {
        State s = toColorWeight(opened());
        s = driver.send(s, key(Key.Kind.ENTER), key(Key.Kind.BACKSPACE), key(Key.Kind.BACKSPACE));
        s = typed(s, "9q");
        assertThat(s.overlay()).isEqualTo(Overlay.NONE); // q is part of the value while typing
        s = driver.send(s, key(Key.Kind.BACKSPACE), key('0'), key(Key.Kind.ENTER));
        assertThat(s.course().parameters("3-routing")).containsEntry("ColorWeight", "90");
        assertThat(driver.effects).contains(s.course().save());
        assertThat(pane(s)).contains("ColorWeight = 90");
        s = driver.send(s, key('d'));
        assertThat(driver.effects).contains(new Effect.PlanDeploy(new DeployOrder("3-routing", Map.of("ColorWeight", "90"))));
        assertThat(s.panes().parameters()).isNull();
    }

    @Test
    void enterThenTypingReplacesTheValueAsTheLessonSaysAndBackspaceEditsIt() throws Exception {
        State s = toColorWeight(opened());
        s = typed(driver.send(s, key(Key.Kind.ENTER)), "90");
        assertThat(pane(s)).contains("ColorWeight = 90").doesNotContain("5090");
        s = driver.send(s, key(Key.Kind.ENTER));
        assertThat(s.course().parameters("3-routing")).containsEntry("ColorWeight", "90");
        s = driver.send(s, key('j'), key(Key.Kind.ENTER), key(Key.Kind.BACKSPACE));
        s = driver.send(typed(s, "5"), key(Key.Kind.ENTER));
        assertThat(s.course().parameters("3-routing")).as("backspace first edits the old 50").containsEntry(
                "ColorV2Weight", "55");
    }

    @Test
    void escWhileTypingLeavesTheValueAndUResetsToTheDefault() throws Exception {
        State s = toColorWeight(opened());
        s = typed(driver.send(s, key(Key.Kind.ENTER)), "7");
        s = driver.send(s, key(Key.Kind.ESCAPE));
        assertThat(s.course().parameters("3-routing")).isEmpty();
        assertThat(s.panes().parameters().editing()).isNull();
        s = driver.send(s, key('u'));
        assertThat(s.course().parameters("3-routing")).containsEntry("ColorWeight", "50");
    }
}
