package dev.meshwalk.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chapter 3's declared parameters, and the refusal of settings the template does not allow. */
class StackParametersTest {

    private static StackParameters chapter3() throws Exception {
        return StackParameters.of(Files.readString(Path.of("stacks/3-routing.yaml")));
    }

    @Test
    void readsEachParameterWithItsDefaultDescriptionAndRange() throws Exception {
        StackParameters.Parameter weight = chapter3().find("ColorV2Weight").orElseThrow();
        assertThat(weight).isEqualTo(new StackParameters.Parameter("ColorV2Weight", "Number", "50",
                "Relative share of requests routed to color-v2 (blue).", 0L, 100L, List.of(), null));
        assertThat(chapter3().find("TasksPerService").orElseThrow().describe()).isEqualTo("TasksPerService (1-10, default 3)");
    }

    @Test
    void acceptsDeclaredNamesWithValuesInRange() throws Exception {
        assertThat(chapter3().check(List.of("ColorWeight=90", "ColorV2Weight=10")))
                .containsExactly(Map.entry("ColorWeight", "90"), Map.entry("ColorV2Weight", "10"));
    }

    @Test
    void refusesAnUnknownNameNamingTheAllowedParameters() throws Exception {
        assertThatThrownBy(() -> chapter3().check(List.of("ColourWeight=90")))
                .hasMessageContaining("no parameter 'ColourWeight'")
                .hasMessageContaining("ColorWeight (0-100, default 50)")
                .hasMessageNotContaining("VpcCidr");
    }

    @Test
    void refusesValuesOutOfRangeOrNotNumbersOrWithoutEquals() throws Exception {
        assertThatThrownBy(() -> chapter3().check(List.of("ColorWeight=200")))
                .hasMessage("ColorWeight=200 is out of range: ColorWeight (0-100, default 50).");
        assertThatThrownBy(() -> chapter3().check(List.of("ColorWeight=half"))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> chapter3().check(List.of("ColorWeight"))).hasMessageContaining("Name=Value");
    }

    @Test
    void refusesWhatAllowedValuesAndAllowedPatternRefuse() throws Exception {
        StackParameters five = StackParameters.of(Files.readString(Path.of("stacks/5-canary.yaml")));
        String listed = five.all().stream().filter(p -> !p.allowedValues().isEmpty()).findFirst().orElseThrow().name();
        assertThatThrownBy(() -> five.check(List.of(listed + "=7"))).hasMessageContaining("is not allowed")
                .hasMessageContaining("one of 5, 10, 25, 50");
        assertThat(five.check(List.of(listed + "=25"))).containsEntry(listed, "25");
        StackParameters.Parameter project = chapter3().find("ProjectName").orElseThrow();
        assertThat(project.problem("Bad_Name")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("does not match the pattern");
        assertThat(project.problem("tutorial")).isEmpty();
        assertThat(project.tunable()).isFalse();
        assertThat(chapter3().find("ColorWeight").orElseThrow().tunable()).isTrue();
    }

    @Test
    void chapterZeroHasNoWeights() throws Exception {
        StackParameters zero = StackParameters.of(Files.readString(Path.of("stacks/0-prelude.yaml")));
        assertThat(zero.find("ColorWeight")).isEmpty();
        assertThat(zero.find("TasksPerService")).isPresent();
    }
}
