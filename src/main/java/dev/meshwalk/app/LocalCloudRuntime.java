package dev.meshwalk.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The jar the background local cloud runs from, and which build of the tutorial that is.
 *
 * <p>The local cloud outlives the tutorial that started it, and Maven rewrites {@code target/tutorial.jar} in
 * place: a learner who rebuilt while it ran left a JVM reading classes out of a file that had changed under it
 * ({@code NoClassDefFoundError} in its log, "the target server failed to respond" in the tutorial). So it runs
 * from its own copy in the state directory, which nothing rewrites, and the tutorial compares builds to restart
 * one started by another build ({@link BackgroundLocalCloud}).
 *
 * <p>Only the shipped form, a single jar ({@code java -jar tutorial.jar}), is copied and has a build identity; a
 * development class path (classes folders and the Maven repository's jars) is used as it is, as "development".
 */
final class LocalCloudRuntime {

    static final String DIRECTORY = "localcloud-runtime";
    static final String DEVELOPMENT = "development";
    /** Set on the background local cloud's JVM: the build of the jar it was copied from. */
    static final String BUILD_PROPERTY = "meshwalk.build";

    private LocalCloudRuntime() {
    }

    /** The build a class path is: the single jar's size and modification time, or {@link #DEVELOPMENT}. */
    static String build(String classPath) {
        Path jar = singleJar(classPath);
        if (jar == null) {
            return DEVELOPMENT;
        }
        try {
            return String.format(Locale.ROOT, "%x-%x", Files.size(jar), Files.getLastModifiedTime(jar).toMillis());
        } catch (IOException e) {
            return DEVELOPMENT;
        }
    }

    /** This process's build: the one it was copied from when it is a background local cloud. */
    static String currentBuild() {
        String copiedFrom = System.getProperty(BUILD_PROPERTY);
        return copiedFrom != null ? copiedFrom : build(System.getProperty("java.class.path"));
    }

    /**
     * The class path to start a local cloud with: a copy of the single jar in {@code <stateDir>/localcloud-runtime}
     * (made once per build; copies of other builds are removed), or the class path itself in development.
     */
    static String classPathFor(Path stateDir, String classPath) {
        Path jar = singleJar(classPath);
        if (jar == null) {
            return classPath;
        }
        Path dir = stateDir.resolve(DIRECTORY);
        Path copy = dir.resolve("tutorial-" + build(classPath) + ".jar");
        try {
            Files.createDirectories(dir);
            if (!Files.isRegularFile(copy)) {
                Path partial = Files.createTempFile(dir, "copying-", ".part");
                try {
                    Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
            removeAllBut(dir, copy);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + jar + " to " + dir + ": " + e.getMessage(), e);
        }
        return copy.toString();
    }

    /** Removes the copies (after the local cloud stopped); a running JVM on Linux keeps reading its open copy anyway. */
    static void remove(Path stateDir) {
        removeAllBut(stateDir.resolve(DIRECTORY), null);
        try {
            Files.deleteIfExists(stateDir.resolve(DIRECTORY));
        } catch (IOException ignored) {
            // not empty (a file of someone else's) or already gone: either way nothing of ours is left in it
        }
    }

    private static void removeAllBut(Path dir, Path keep) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "{tutorial-*.jar,copying-*.part}")) {
            for (Path f : files) {
                if (!f.equals(keep)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException ignored) {
            // an old copy left behind costs disk space only; the next start tries again
        }
    }

    private static Path singleJar(String classPath) {
        if (classPath == null || classPath.isBlank() || classPath.contains(File.pathSeparator)) {
            return null;
        }
        Path p = Path.of(classPath).toAbsolutePath().normalize();
        return p.toString().endsWith(".jar") && Files.isRegularFile(p) ? p : null;
    }
}
