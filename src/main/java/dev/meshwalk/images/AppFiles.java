package dev.meshwalk.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The files an app image needs, taken from the running tutorial's own class path (its fat jar, or
 * {@code target/classes} and the dependency jars in a build): the {@code dev.meshwalk.apps} classes, and the
 * libraries the apps import (OpenTelemetry, dnsjava and its SLF4J, Jackson for the ECS task metadata). Held sorted, so the staged layers and the
 * content hash are the same for the same code on every machine.
 */
public final class AppFiles {

    /** Entry-name prefixes of the apps' own classes. */
    static final List<String> APP_PREFIXES = List.of("dev/meshwalk/apps/");
    /** Entry-name prefixes of what the apps import at run time (checked by AppImageBuilderTest). */
    static final List<String> LIB_PREFIXES = List.of("io/opentelemetry/", "org/xbill/", "org/slf4j/",
            "com/fasterxml/jackson/core/", "com/fasterxml/jackson/databind/", "com/fasterxml/jackson/annotation/",
            "META-INF/services/io.opentelemetry", "META-INF/services/org.xbill", "META-INF/services/org.slf4j",
            "META-INF/services/com.fasterxml.jackson.core");
    /** A fixed time for staged files and jar entries: same inputs, same bytes. */
    private static final FileTime EPOCH_PLUS_ONE = FileTime.fromMillis(1000);

    private final SortedMap<String, byte[]> classes;
    private final SortedMap<String, byte[]> libs;

    private AppFiles(SortedMap<String, byte[]> classes, SortedMap<String, byte[]> libs) {
        this.classes = classes;
        this.libs = libs;
    }

    /** From the JVM's class path ({@code java.class.path}). */
    public static AppFiles fromRunningClasspath() {
        List<Path> roots = new ArrayList<>();
        for (String part : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!part.isBlank()) {
                roots.add(Path.of(part));
                roots.addAll(manifestClassPath(Path.of(part)));
            }
        }
        return fromClasspath(roots);
    }

    /**
     * The {@code Class-Path} of a jar's manifest: test runners and some launchers put the real class path there
     * and only one small jar on {@code java.class.path}.
     */
    private static List<Path> manifestClassPath(Path jar) {
        List<Path> more = new ArrayList<>();
        if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
            return more;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            java.util.jar.Manifest manifest = file.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (cp != null) {
                java.net.URI base = jar.toUri();
                for (String entry : cp.trim().split("\\s+")) {
                    if (!entry.isEmpty()) {
                        more.add(Path.of(base.resolve(entry)));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            // not a readable jar, or an entry that is not a file: nothing more to add
        }
        return more;
    }

    /** From the given class path roots (directories or jars); the first root holding an entry wins. */
    public static AppFiles fromClasspath(List<Path> roots) {
        SortedMap<String, byte[]> classes = new TreeMap<>();
        SortedMap<String, byte[]> libs = new TreeMap<>();
        for (Path root : roots) {
            try {
                if (Files.isDirectory(root)) {
                    readDirectory(root, classes, libs);
                } else if (Files.isRegularFile(root) && root.toString().endsWith(".jar")) {
                    readJar(root, classes, libs);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + root + " for the app images", e);
            }
        }
        if (classes.keySet().stream().noneMatch(n -> n.endsWith("FrontApp.class"))) {
            throw new IllegalStateException("the class path holds no dev/meshwalk/apps classes; the app images need them"
                    + " (run the tutorial from its jar)");
        }
        return new AppFiles(classes, libs);
    }

    private static void readDirectory(Path root, Map<String, byte[]> classes, Map<String, byte[]> libs) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = root.relativize(p).toString().replace('\\', '/');
                Map<String, byte[]> into = target(name, classes, libs);
                if (into != null && !into.containsKey(name)) {
                    into.put(name, Files.readAllBytes(p));
                }
            }
        }
    }

    private static void readJar(Path jar, Map<String, byte[]> classes, Map<String, byte[]> libs) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                Map<String, byte[]> into = target(e.getName(), classes, libs);
                if (into != null && !into.containsKey(e.getName())) {
                    try (InputStream in = file.getInputStream(e)) {
                        into.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    private static Map<String, byte[]> target(String name, Map<String, byte[]> classes, Map<String, byte[]> libs) {
        if (APP_PREFIXES.stream().anyMatch(name::startsWith)) {
            return classes;
        }
        if (LIB_PREFIXES.stream().anyMatch(name::startsWith) && !name.startsWith("META-INF/versions/")) {
            return libs;
        }
        return null;
    }

    /** Names of the app class files, e.g. {@code dev/meshwalk/apps/front/FrontApp.class}. */
    public List<String> classNames() {
        return List.copyOf(classes.keySet());
    }

    /** Names of the library entries. */
    public List<String> libraryNames() {
        return List.copyOf(libs.keySet());
    }

    /** SHA-256 over every name and byte, in order: equal for equal code. */
    public String contentHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map<String, byte[]> part : List.of(classes, libs)) {
                for (Map.Entry<String, byte[]> e : part.entrySet()) {
                    sha.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(e.getValue());
                }
                sha.update((byte) 1);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Writes {@code classes/} (the class tree) and {@code libs/meshwalk-app-libs.jar} (one deterministic jar of
     * the libraries) under {@code dir}, ready to be layered.
     */
    public void stage(Path dir) throws IOException {
        Path classesDir = dir.resolve("classes");
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path p = classesDir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
            Files.setLastModifiedTime(p, EPOCH_PLUS_ONE);
        }
        Path libsDir = Files.createDirectories(dir.resolve("libs"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : libs.entrySet()) {
                JarEntry entry = new JarEntry(e.getKey());
                entry.setLastModifiedTime(EPOCH_PLUS_ONE);
                jar.putNextEntry(entry);
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        Path jarFile = libsDir.resolve("meshwalk-app-libs.jar");
        try (OutputStream out = Files.newOutputStream(jarFile)) {
            bytes.writeTo(out);
        }
        Files.setLastModifiedTime(jarFile, EPOCH_PLUS_ONE);
    }
}
