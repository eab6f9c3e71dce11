package dev.meshwalk.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.meshwalk.core.Effect;
import dev.meshwalk.core.Msg;
import dev.meshwalk.progress.ProgressStore;
import dev.meshwalk.testing.SealedLeaves;

/**
 * Every kind of {@link Effect} has a handler in the runner the tutorial uses (progress plus the actions), except
 * {@link Effect.Quit}, which the front-ends take before effects run. An effect nobody handles throws instead of
 * vanishing.
 */
class EveryEffectIsHandledTest {

    /** What the front-ends (TuiLoop, LineSession) handle themselves. */
    private static final Set<Class<?>> FRONT_ENDS = Set.of(Effect.Quit.class);

    @TempDir
    Path dir;

    private final LinkedBlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();

    @Test
    void everyKindOfEffectButQuitHasAHandler() {
        Set<Class<?>> kinds = SealedLeaves.of(Effect.class);
        assertThat(kinds).as("the walk finds the effects").contains(Effect.LoadProgress.class, Effect.Verify.class);
        Set<Class<?>> runnerKinds = new HashSet<>(kinds);
        runnerKinds.removeAll(FRONT_ENDS);
        try (TutorialEffects effects = new TutorialEffects(store(), inbox::offer,
                new ActionEffects(null, null, inbox::offer))) {
            assertThat(effects.kinds()).as("effects without a handler").containsAll(runnerKinds);
            assertThat(effects.kinds()).as("the front-ends' effects are not the runner's").doesNotContainAnyElementsOf(FRONT_ENDS);
        }
    }

    @Test
    void anEffectNobodyHandlesFailsLoudly() {
        try (TutorialEffects progressOnly = new TutorialEffects(store(), inbox::offer)) {
            assertThatThrownBy(() -> progressOnly.run(new Effect.ToggleTraffic()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("ToggleTraffic");
            assertThatThrownBy(() -> progressOnly.run(new Effect.Quit())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void whatAFlowDoesNotCatchBecomesANoticeNotAStackTraceOnTheScreen() throws Exception {
        TargetConnector broken = progress -> {
            throw new AssertionError("a bug in the connector");
        };
        try (ActionEffects effects = new ActionEffects(broken, null, inbox::offer)) {
            effects.run(new Effect.ConnectTarget());
            Msg notice;
            do {
                notice = inbox.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            } while (notice != null && !(notice instanceof Msg.Notice));
            assertThat(notice).isInstanceOfSatisfying(Msg.Notice.class, n -> assertThat(n.text())
                    .contains("a bug in the connector", "the log has the details"));
        }
    }

    private ProgressStore store() {
        return new ProgressStore(dir.resolve("progress.json"), Clock.systemUTC());
    }
}
