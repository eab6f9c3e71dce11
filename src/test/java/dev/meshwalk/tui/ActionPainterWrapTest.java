package dev.meshwalk.tui;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActionPainterWrapTest {

    @Test
    void aChangeSetRowThatDoesNotFitMovesItsWholeDescriptionToTheNextRow() {
        String row = "  + ServiceConnectNamespace            ServiceDiscovery::HttpNamespace       "
                + "a Cloud Map namespace where Service Connect finds services";

        List<String> wrapped = ActionPainter.wrap(List.of(row), 78);

        assertThat(wrapped).containsExactly(
                "  + ServiceConnectNamespace            ServiceDiscovery::HttpNamespace",
                "      a Cloud Map namespace where Service Connect finds services");
    }

    @Test
    void proseBreaksAtTheLastSpaceThatFits() {
        List<String> wrapped = ActionPainter.wrap(List.of("one two three four five six seven eight"), 20);

        assertThat(wrapped).containsExactly("one two three four", "      five six seven", "      eight");
    }

    @Test
    void aLineThatFitsIsLeftAlone() {
        assertThat(ActionPainter.wrap(List.of("  short  line"), 40)).containsExactly("  short  line");
    }
}
