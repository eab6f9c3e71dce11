package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.meshwalk.testing.SealedLeaves;

/**
 * Every kind of {@link Msg} has a handler in {@link Update}: a new message without one fails here, not at run time
 * in front of a learner. The kinds come from walking the sealed hierarchy, so this list never needs editing.
 */
class EveryMsgIsHandledTest {

    @Test
    void everyKindOfMessageHasAHandler() {
        Set<Class<?>> kinds = SealedLeaves.of(Msg.class);
        assertThat(kinds).as("the walk finds the messages").contains(Msg.KeyPressed.class, Msg.TrafficSampled.class);
        assertThat(Update.handledMessages()).as("messages without a handler in Update")
                .containsAll(kinds).hasSameSizeAs(kinds);
    }

    @Test
    void theWalkGoesThroughSealedSubInterfacesAndRefusesOpenOnes() {
        assertThat(SealedLeaves.of(Shape.class)).containsExactlyInAnyOrder(Circle.class, Square.class, Dot.class);
        assertThatThrownBy(() -> SealedLeaves.of(Open.class)).hasMessageContaining("non-sealed");
    }

    @Test
    void aKindWithoutAHandlerFailsLoudly() {
        Handlers<Shape, String> onlyCircles = Handlers.<Shape, String>builder("shape").on(Circle.class, "round").build();
        assertThat(onlyCircles.of(new Circle())).isEqualTo("round");
        assertThatThrownBy(() -> onlyCircles.of(new Dot())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no handler for the shape").hasMessageContaining("Dot");
        assertThatThrownBy(() -> Handlers.<Shape, String>builder("shape").on(Dot.class, "a").on(Dot.class, "b"))
                .hasMessageContaining("two handlers");
    }

    sealed interface Shape permits Circle, Angular {
    }

    sealed interface Angular extends Shape permits Square, Dot {
    }

    record Circle() implements Shape {
    }

    record Square() implements Angular {
    }

    record Dot() implements Angular {
    }

    sealed interface Open permits Anything {
    }

    non-sealed interface Anything extends Open {
    }
}
