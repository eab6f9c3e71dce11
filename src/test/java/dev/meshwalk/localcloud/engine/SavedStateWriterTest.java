package dev.meshwalk.localcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the CloudFormation API showed a client is on disk before the answer goes out, not whenever the writer's own
 * thread gets to it: a kill -9 right after a client saw UPDATE_IN_PROGRESS used to bring the stack back as it was
 * before the update. A write holds the writer's monitor until the file is written, so a snapshot taken by the time
 * flushIfChanged returns is on disk.
 */
class SavedStateWriterTest {

    @TempDir
    Path dir;

    @Test
    void whenFlushIfChangedReturnsTheLatestChangeHasBeenWritten() {
        AtomicLong changes = new AtomicLong();
        AtomicLong snapshotAt = new AtomicLong();
        SavedStateWriter writer = new SavedStateWriter(new SavedStateFile(dir.resolve("stacks.json")), () -> {
            snapshotAt.accumulateAndGet(changes.get(), Math::max);
            return new SavedState(SavedState.VERSION, List.of());
        });
        try {
            for (int i = 1; i <= 500; i++) {
                changes.set(i);
                writer.changed();
                writer.flushIfChanged();
                assertThat(snapshotAt.get()).as("change %d saved when flushIfChanged returns", i).isEqualTo(i);
            }
            assertThat(dir.resolve("stacks.json")).exists();
        } finally {
            writer.close();
        }
    }
}
