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
}
