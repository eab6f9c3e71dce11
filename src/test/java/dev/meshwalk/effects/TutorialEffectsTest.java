package dev.meshwalk.effects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.meshwalk.core.Effect;
import dev.meshwalk.core.Mark;
import dev.meshwalk.core.Msg;
import dev.meshwalk.progress.ProgressStore;

class TutorialEffectsTest {

    @TempDir
    Path dir;

    @Test
    void savedMarksAreOnDiskWhenTheRunnerClosesAndLoadBackAsAMsg() throws Exception {
        ProgressStore store = new ProgressStore(dir.resolve("progress.json"), Clock.systemUTC());
        LinkedBlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
        try (TutorialEffects effects = new TutorialEffects(store, inbox::offer)) {
            effects.run(new Effect.SaveProgress(Map.of("0-prelude", Mark.READ), Map.of()));
            effects.run(new Effect.SaveProgress(Map.of("0-prelude", Mark.READ, "2-meshify", Mark.DEPLOYED),
                    Map.of("3-routing", Map.of("ColorWeight", "90"))));
        }
        assertThat(store.load().marks()).isEqualTo(Map.of("0-prelude", "READ", "2-meshify", "DEPLOYED"));

        try (TutorialEffects effects = new TutorialEffects(store, inbox::offer)) {
            effects.run(new Effect.LoadProgress());
            Msg msg = inbox.poll(5, TimeUnit.SECONDS);
            assertThat(msg).isEqualTo(new Msg.ProgressLoaded(Map.of("0-prelude", Mark.READ, "2-meshify", Mark.DEPLOYED),
                    Map.of("3-routing", Map.of("ColorWeight", "90")), null));
        }
    }

    @Test
    void unknownMarkNamesFromANewerVersionAreSkippedAndCorruptFilesReported() throws Exception {
        Path file = dir.resolve("progress.json");
        Files.writeString(file, "{\"version\":2,\"chapters\":{\"0-prelude\":\"READ\",\"1-servicediscovery\":\"MASTERED\"}}");
        LinkedBlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
        try (TutorialEffects effects = new TutorialEffects(new ProgressStore(file, Clock.systemUTC()), inbox::offer)) {
            effects.run(new Effect.LoadProgress());
            assertThat(inbox.poll(5, TimeUnit.SECONDS)).isEqualTo(new Msg.ProgressLoaded(Map.of("0-prelude", Mark.READ), null));
            Files.writeString(file, "garbage");
            effects.run(new Effect.LoadProgress());
            Msg.ProgressLoaded corrupt = (Msg.ProgressLoaded) inbox.poll(5, TimeUnit.SECONDS);
            assertThat(corrupt.marks()).isEmpty();
            assertThat(corrupt.problem()).contains("unreadable");
        }
    }

    @Test
    void aFailedSaveIsPostedBackInsteadOfThrown() throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a file where the config folder should be");
        LinkedBlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
        try (TutorialEffects effects = new TutorialEffects(
                new ProgressStore(blocker.resolve("progress.json"), Clock.systemUTC()), inbox::offer)) {
            effects.run(new Effect.SaveProgress(Map.of("0-prelude", Mark.READ), Map.of()));
            assertThat(inbox.poll(5, TimeUnit.SECONDS)).isInstanceOf(Msg.ProgressSaveFailed.class);
        }
    }
}
