package dev.meshwalk.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T20:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private ProgressStore store() {
        return new ProgressStore(dir.resolve("meshwalk").resolve(ProgressStore.FILE_NAME), CLOCK);
    }

    @Test
    void aMissingFileIsAFreshStartWithoutComplaint() {
        ProgressStore.Loaded loaded = store().load();
        assertThat(loaded.marks()).isEmpty();
        assertThat(loaded.problem()).isNull();
    }

    @Test
    void savedMarksLoadBackAndNoTemporaryFileIsLeft() throws IOException {
        store().save(Map.of("2-meshify", "DEPLOYED", "0-prelude", "READ"), Map.of());
        assertThat(store().load().marks()).isEqualTo(Map.of("2-meshify", "DEPLOYED", "0-prelude", "READ"));
        try (Stream<Path> files = Files.list(dir.resolve("meshwalk"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("progress.json");
        }
    }

    @Test
    void eachChaptersParametersAreSavedBesideTheMarks() throws IOException {
        store().save(Map.of("3-routing", "DEPLOYED"), Map.of("3-routing", Map.of("ColorWeight", "90", "ColorV2Weight", "10")));
        ProgressStore.Loaded loaded = store().load();
        assertThat(loaded.marks()).isEqualTo(Map.of("3-routing", "DEPLOYED"));
        assertThat(loaded.parameters()).isEqualTo(Map.of("3-routing", Map.of("ColorWeight", "90", "ColorV2Weight", "10")));
    }

    @Test
    void aFileFromBeforeParametersWereSavedLoadsWithNone() throws IOException {
        Path file = store().file();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"version\":1,\"chapters\":{\"0-prelude\":\"DONE\"}}");
        ProgressStore.Loaded loaded = store().load();
        assertThat(loaded.problem()).isNull();
        assertThat(loaded.marks()).isEqualTo(Map.of("0-prelude", "DONE"));
        assertThat(loaded.parameters()).isEmpty();
    }

    @Test
    void aCorruptFileIsReportedMovedAsideAndReplacedByAFreshStart() throws IOException {
        Path file = store().file();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ this is not json");

        ProgressStore.Loaded loaded = store().load();

        Path aside = file.resolveSibling("progress.json.corrupt-20261125-201530");
        assertThat(loaded.marks()).isEmpty();
        assertThat(loaded.problem()).contains("unreadable").contains("not valid JSON").contains(aside.toString());
        assertThat(file).doesNotExist();
        assertThat(aside).hasContent("{ this is not json");
        store().save(Map.of("0-prelude", "READ"), Map.of());
        assertThat(store().load().problem()).isNull();
    }

    @Test
    void jsonOfTheWrongShapeCountsAsCorrupt() throws IOException {
        Path file = store().file();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[1,2,3]");
        assertThat(store().load().problem()).contains("no \"chapters\" object");
    }

    @Test
    void aFailedWriteKeepsTheLastGoodFile() throws IOException {
        store().save(Map.of("0-prelude", "READ"), Map.of());
        Path folder = store().file().getParent();
        assertThat(folder.toFile().setWritable(false)).isTrue();
        try {
            Assumptions.assumeFalse(Files.isWritable(folder), "permissions are not enforced for this user (root)");
            assertThatThrownBy(() -> store().save(Map.of("0-prelude", "DONE"), Map.of())).isInstanceOf(IOException.class);
        } finally {
            folder.toFile().setWritable(true);
        }
        assertThat(store().load().marks()).containsEntry("0-prelude", "READ");
    }

    @Test
    void aWriteInterruptedBeforeItsMoveLeavesTheSavedStateIntact() throws IOException {
        store().save(Map.of("0-prelude", "READ"), Map.of());
        // What a crash mid-write leaves behind: a half-written temporary file next to the real one.
        Files.writeString(store().file().resolveSibling("progress.json123.tmp"), "{\"version\":1,\"chap");
        ProgressStore.Loaded loaded = store().load();
        assertThat(loaded.problem()).isNull();
        assertThat(loaded.marks()).containsEntry("0-prelude", "READ");
    }

    @Test
    void defaultLocationFollowsXdgConfigHomeElseDotConfig() {
        assertThat(ProgressStore.defaultFile(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "/home/u"))
                .isEqualTo(Path.of("/x/cfg/meshwalk/progress.json"));
        assertThat(ProgressStore.defaultFile(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.config/meshwalk/progress.json"));
        assertThat(ProgressStore.defaultFile(Map.of("XDG_CONFIG_HOME", "relative"), "/home/u"))
                .as("relative XDG paths are invalid per the spec and ignored")
                .isEqualTo(Path.of("/home/u/.config/meshwalk/progress.json"));
    }
}
