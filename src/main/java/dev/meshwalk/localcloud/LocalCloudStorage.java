package dev.meshwalk.localcloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where a local cloud keeps its control plane between runs: {@code <state dir>/localcloud-state/}, one folder per
 * state directory (so per user), next to the {@code localcloud.json} the running one announces itself in. What
 * is in it and how it is written: {@code docs/localcloud-state.md}.
 */
public final class LocalCloudStorage {

    /** The folder's name inside the state directory. */
    public static final String FOLDER = "localcloud-state";
    /** The stacks file's name inside the folder. */
    public static final String STACKS_FILE = "stacks.json";

    private final Path directory;

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
     * Empties the storage (files set aside as unreadable stay, so nothing a user may want back is lost
     * without being named); only while no local cloud uses it.
     */
    public void reset() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().contains(".unreadable-")) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
