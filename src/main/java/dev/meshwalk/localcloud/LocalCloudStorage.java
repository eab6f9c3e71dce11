package dev.meshwalk.localcloud;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Where a local cloud keeps its control plane between runs: {@code <state dir>/localcloud-state/}, one folder per
 * state directory (so per user), next to the {@code localcloud.json} the running one announces itself in. What
 * is in it and how it is written: {@code docs/localcloud-state.md}.
 */
public final class LocalCloudStorage implements AutoCloseable {

    /** The folder's name inside the state directory. */
    public static final String FOLDER = "localcloud-state";
    /** The stacks file's name inside the folder. */
    public static final String STACKS_FILE = "stacks.json";
    /** The dashboards file's name inside the folder (PutDashboard's, which are not stack resources). */
    public static final String DASHBOARDS_FILE = "dashboards.json";

    private final Path directory;
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private FileChannel lockChannel;
    private FileLock lock;

    private LocalCloudStorage(Path directory) {
        this.directory = directory;
    }

    /** The storage of the local cloud of one state directory. */
    public static LocalCloudStorage in(Path stateDirectory) {
        return new LocalCloudStorage(stateDirectory.resolve(FOLDER));
    }

    /** Whether a stopped local cloud left stacks in this state directory. */
    public static boolean hasSavedStacks(Path stateDirectory) {
        return Files.isRegularFile(in(stateDirectory).directory.resolve(STACKS_FILE));
    }

    public Path directory() {
        return directory;
    }

    /**
     * Makes this process the only writer of the folder until {@link #close()}; false when another local cloud
     * holds it (two writers would overwrite each other's stacks), and that one should then keep nothing.
     */
    public synchronized boolean tryLock() throws IOException {
        Files.createDirectories(directory);
        lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            return false;
        }
        return true;
    }

    /** Lets another local cloud use the folder. */
    @Override
    public synchronized void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
        lock = null;
        lockChannel = null;
    }

    /** Removes temporary files a killed local cloud left mid-write (the saved files themselves are whole). */
    public void removeLeftoverTempFiles() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException ignored) {
            // harmless: the next clean start tries again
        }
    }

    /** What the user should hear about the restore: a file set aside (and where), a resource not brought back. */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    void notice(String line) {
        notices.add(line);
    }

    /**
     * Empties the storage (files set aside as unreadable stay, so nothing a user may want back is lost
     * without being named); only while no local cloud uses it.
     */
    public void reset() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.contains(".unreadable-") && !name.equals("lock")) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
