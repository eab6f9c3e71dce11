package dev.meshwalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background local cloud runs from its own copy of the jar, so rebuilding the tutorial cannot rewrite the
 * classes of a running one, and a tutorial of another build restarts the one it started.
 */
class LocalCloudRuntimeTest {

    @TempDir
    Path dir;

    @Test
    void aSingleJarIsCopiedOncePerBuildAndARebuildInPlaceLeavesTheCopyAsItWas() throws Exception {
        Path jar = dir.resolve("tutorial.jar");
        Files.writeString(jar, "build one");
        Path state = dir.resolve("state");

        Path copy = Path.of(LocalCloudRuntime.classPathFor(state, jar.toString()));
        assertThat(copy).startsWith(state.resolve(LocalCloudRuntime.DIRECTORY)).hasContent("build one");
        assertThat(LocalCloudRuntime.classPathFor(state, jar.toString())).as("same build, same copy")
                .isEqualTo(copy.toString());

        Files.writeString(jar, "build number two"); // what Maven does: the same file, rewritten
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(copy).as("the running cloud's copy is untouched").hasContent("build one");

        Path second = Path.of(LocalCloudRuntime.classPathFor(state, jar.toString()));
        assertThat(second).isNotEqualTo(copy).hasContent("build number two");
        assertThat(copy).as("the old build's copy is removed").doesNotExist();

        LocalCloudRuntime.remove(state);
        assertThat(state.resolve(LocalCloudRuntime.DIRECTORY)).doesNotExist();
    }

    @Test
    void aDevelopmentClassPathIsUsedAsItIsAndHasNoBuildToCompare() throws Exception {
        String classPath = dir.resolve("classes") + File.pathSeparator + dir.resolve("lib.jar");
        assertThat(LocalCloudRuntime.classPathFor(dir.resolve("state"), classPath)).isEqualTo(classPath);
        assertThat(LocalCloudRuntime.build(classPath)).isEqualTo(LocalCloudRuntime.DEVELOPMENT);
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void theStateFileCarriesTheBuildAndAnOlderFileReadsAsUnknown() throws Exception {
        LocalCloudStateFile file = new LocalCloudStateFile(dir);
        file.write(new LocalCloudStateFile.Entry(URI.create("http://127.0.0.1:4566"), 42, Instant.EPOCH, "0.1.0",
                List.of(), true, "abc-123"));
        assertThat(file.read()).hasValueSatisfying(e -> assertThat(e.build()).isEqualTo("abc-123"));

        Files.writeString(file.path(), "{\"endpoint\": \"http://127.0.0.1:4566\", \"pid\": 42}");
        assertThat(file.read()).hasValueSatisfying(e -> assertThat(e.build()).isEqualTo("unknown"));
    }

    @Test
    void onlyACloudTheTutorialStartedFromAnotherBuildIsRestarted() throws Exception {
        BackgroundLocalCloud clouds = new BackgroundLocalCloud(dir);
        BackgroundLocalCloud.Running older = new BackgroundLocalCloud.Running(URI.create("http://127.0.0.1:1"), 4242,
                "older-build");
        assertThat(clouds.fromAnotherBuild(older, "this-build")).as("started by hand: the user's to restart").isFalse();

        Files.writeString(dir.resolve(BackgroundLocalCloud.OWNER_FILE), "4242");
        assertThat(clouds.fromAnotherBuild(older, "this-build")).as("ours, another build").isTrue();
        assertThat(clouds.fromAnotherBuild(older, "older-build")).as("ours, this build").isFalse();
        assertThat(clouds.fromAnotherBuild(older, LocalCloudRuntime.DEVELOPMENT))
                .as("a development run has no build to compare").isFalse();
    }
}
