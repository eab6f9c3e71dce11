package dev.meshwalk.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

import dev.meshwalk.localcloud.LocalCloudStorage;

/**
 * The rule that a state directory has one local cloud at a time, whichever way it was started (in the foreground
 * with {@code localcloud --port P}, or in the background by a tutorial command): the one that holds the storage
 * folder's lock, for as long as it runs, and the only one that writes {@code localcloud.json}. A second one refuses
 * to start and names the first, because if it ran it would replace the first in the state file, and then neither
 * {@code localcloud status} nor {@code localcloud stop} would find the first again.
 */
final class OneLocalCloud {

    private OneLocalCloud() {
    }

    /**
     * Takes the state directory for this process; null when it did, otherwise the exit code (1) after telling the
     * user which local cloud already runs there and what to do next.
     */
    static Integer claim(LocalCloudStorage storage, LocalCloudStateFile state, PrintWriter err) {
        try {
            if (storage.tryLock()) {
                return null;
            }
        } catch (IOException e) {
            err.println("Cannot use " + storage.directory() + " (" + e.getMessage() + ").");
            err.println("Check that the folder is writable, or set XDG_STATE_HOME to another folder.");
            err.flush();
            return 1;
        }
        Optional<LocalCloudStateFile.Entry> running = state.read().filter(LocalCloudStateFile.Entry::processAlive);
        if (running.isPresent()) {
            LocalCloudStateFile.Entry e = running.get();
            err.println("A local cloud already runs for " + storage.directory().getParent() + ": " + e.endpoint()
                    + " (pid " + e.pid() + "). There is one per user, shared by the tutorial and the AWS CLI.");
            err.println("Use it:        aws --endpoint-url " + e.endpoint() + " cloudformation list-stacks");
            err.println("Or stop it first, then start this one again: java -jar target/tutorial.jar localcloud stop");
        } else {
            err.println("Another local cloud holds " + storage.directory().resolve("lock")
                    + " and is still starting (or was started by an older version and did not register itself).");
            err.println("Check with `java -jar target/tutorial.jar localcloud status` in a few seconds;"
                    + " if it shows nothing, stop the process holding that file (e.g. `fuser "
                    + storage.directory().resolve("lock") + "`).");
        }
        err.flush();
        return 1;
    }
}
