package dev.meshwalk.localcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writesIntoFoldersThatDoNotExistYetAndReplacesTheOldContentWhole() throws IOException {
        Path file = dir.resolve("state/nested/stacks.json");
        AtomicFile.write(file, "first, longer content".getBytes());
        AtomicFile.write(file, "second".getBytes());
        assertThat(file).hasContent("second");
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        AtomicFile.write(dir.resolve("ecs.json"), new byte[1 << 20]);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("ecs.json");
        }
        assertThat(Files.size(dir.resolve("ecs.json"))).isEqualTo(1 << 20);
    }
}
