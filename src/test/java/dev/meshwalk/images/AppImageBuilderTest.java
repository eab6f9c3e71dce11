package dev.meshwalk.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds both app images with Jib to tarballs, offline, on a base image tarball this test writes itself (one
 * layer holding a fake {@code /opt/java/openjdk/bin/java}), then opens the result and checks what a container
 * runtime would run: the layers, the entrypoint, the environment and the port.
 */
class AppImageBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static AppFiles files;

    @TempDir
    Path dir;

    @BeforeAll
    static void collect() {
        files = AppFiles.fromRunningClasspath();
    }

    @Test
    void frontImageHoldsTheAppClassesTheLibrariesAndRunsFrontApp() throws Exception {
        Image image = build(AppImage.FRONT);
        assertThat(image.entrypoint()).containsExactly("java", "-cp", "/app/classes:/app/libs/*",
                "dev.meshwalk.apps.front.FrontApp");
        assertThat(image.files()).contains("app/classes/dev/meshwalk/apps/front/FrontApp.class",
                "app/classes/dev/meshwalk/apps/color/ColorApp.class", "app/libs/meshwalk-app-libs.jar",
                "opt/java/openjdk/bin/java");
        assertThat(image.env()).contains("PORT=8080").anyMatch(e -> e.startsWith("PATH=/opt/java/openjdk/bin"));
        assertThat(image.exposedPorts()).containsExactly("8080/tcp");
        assertThat(image.layerCount()).as("base layer + libraries + classes").isEqualTo(3);
    }

    @Test
    void colorImageRunsColorApp() throws Exception {
        Image image = build(AppImage.COLOR);
        assertThat(image.entrypoint()).last().isEqualTo("dev.meshwalk.apps.color.ColorApp");
        assertThat(image.files()).contains("app/classes/dev/meshwalk/apps/color/ColorApp.class");
    }

    @Test
    void libraryJarHoldsWhatTheAppsImport() {
        assertThat(files.libraryNames()).anyMatch(n -> n.startsWith("io/opentelemetry/sdk/"))
                .anyMatch(n -> n.startsWith("io/opentelemetry/exporter/"))
                .anyMatch(n -> n.startsWith("org/xbill/DNS/"))
                .as("Jackson, which reads the ECS task metadata")
                .anyMatch(n -> n.equals("com/fasterxml/jackson/databind/ObjectMapper.class"))
                .noneMatch(n -> n.startsWith("com/fasterxml/jackson/dataformat/"))
                .noneMatch(n -> n.startsWith("software/amazon/"))
                .noneMatch(n -> n.startsWith("dev/meshwalk/cloud/"));
        assertThat(files.classNames()).allMatch(n -> n.startsWith("dev/meshwalk/apps/"));
    }

    @Test
    void contentTagIsStableForTheSameCodeAndDiffersByAppAndBase() {
        try (AppImageBuilder a = new AppImageBuilder(files, dir.resolve("a"));
                AppImageBuilder b = new AppImageBuilder(AppFiles.fromRunningClasspath(), dir.resolve("b"))) {
            String front = a.contentTag(AppImage.FRONT, "eclipse-temurin:17-jre");
            assertThat(front).matches("[0-9a-f]{16}").isEqualTo(b.contentTag(AppImage.FRONT, "eclipse-temurin:17-jre"));
            assertThat(a.contentTag(AppImage.COLOR, "eclipse-temurin:17-jre")).isNotEqualTo(front);
            assertThat(a.contentTag(AppImage.FRONT, "amazoncorretto:17")).isNotEqualTo(front);
        }
    }

    /** What the test reads back from an image tarball. */
    private record Image(List<String> entrypoint, List<String> env, List<String> exposedPorts, List<String> files,
            int layerCount) {
    }

    private Image build(AppImage app) throws Exception {
        Path base = TestBaseImage.write(dir.resolve("base.tar"));
        Path out = dir.resolve(app.app() + ".tar");
        try (AppImageBuilder builder = new AppImageBuilder(files, dir.resolve("work-" + app.app()))) {
            builder.buildToTar(app, base, out, "meshwalk-test/" + app.app() + ":" + builder.contentTag(app, "base"));
        }
        Map<String, byte[]> entries = readTar(Files.newInputStream(out));
        JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
        JsonNode config = JSON.readTree(entries.get(manifest.get("Config").asText())).get("config");
        List<String> contents = new ArrayList<>();
        int layers = 0;
        for (JsonNode layer : manifest.get("Layers")) {
            layers++;
            byte[] raw = entries.get(layer.asText());
            InputStream in = new java.io.ByteArrayInputStream(raw);
            if (raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
                in = new GZIPInputStream(in);
            }
            contents.addAll(readTar(in).keySet());
        }
        List<String> ports = new ArrayList<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        return new Image(strings(config.get("Entrypoint")), strings(config.get("Env")), ports,
                contents.stream().map(n -> n.startsWith("/") ? n.substring(1) : n).toList(), layers);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static Map<String, byte[]> readTar(InputStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        return entries;
    }
}
