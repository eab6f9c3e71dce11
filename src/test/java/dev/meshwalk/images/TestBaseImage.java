package dev.meshwalk.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A minimal {@code docker save} archive for offline image builds: one layer with a fake JRE launcher at
 * {@code /opt/java/openjdk/bin/java}, and a config that puts it on the PATH. Jib reads it as a base image with
 * {@code tar:///path}, so no registry (and no network) is needed for the base.
 */
public final class TestBaseImage {

    private TestBaseImage() {
    }

    public static Path write(Path tar) throws Exception {
        ByteArrayOutputStream layer = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(layer)) {
            byte[] java = "#!/bin/sh\necho fake java \"$@\"\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry("opt/java/openjdk/bin/java");
            e.setMode(0755);
            e.setSize(java.length);
            t.putArchiveEntry(e);
            t.write(java);
            t.closeArchiveEntry();
        }
        byte[] layerBytes = layer.toByteArray();
        String diffId = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(layerBytes));
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/opt/java/openjdk/bin:/usr/bin:/bin\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]},"
                + "\"history\":[{\"created\":\"1970-01-01T00:00:00Z\",\"created_by\":\"TestBaseImage\"}]}";
        String manifest = "[{\"Config\":\"config.json\",\"RepoTags\":[\"test-base:17\"],\"Layers\":[\"layer.tar\"]}]";
        try (OutputStream out = Files.newOutputStream(tar); TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            add(t, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            add(t, "config.json", config.getBytes(StandardCharsets.UTF_8));
            add(t, "layer.tar", layerBytes);
        }
        return tar;
    }

    private static void add(TarArchiveOutputStream t, String name, byte[] bytes) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        t.putArchiveEntry(e);
        t.write(bytes);
        t.closeArchiveEntry();
    }
}
