package dev.meshwalk.localcloud.engine;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the stacks to {@link SavedStateFile} as they change, on one thread of its own: a change only marks the
 * state dirty (stacks call it under their own lock, so it must never block), and the thread writes the whole state
 * again, so a burst of events makes one or two writes, not hundreds. {@link #close()} writes the last state and
 * stops the thread.
 */
final class SavedStateWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SavedStateWriter.class);

    private final SavedStateFile file;
    private final Supplier<SavedState> snapshot;
    private final Semaphore dirty = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;
    /** A change no write has begun to save yet (the semaphore's permit is taken before the write begins). */
    private volatile boolean unsaved;

    SavedStateWriter(SavedStateFile file, Supplier<SavedState> snapshot) {
        this.file = file;
        this.snapshot = snapshot;
        this.thread = new Thread(this::run, "localcloud-state-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Something changed; a write follows soon. Never blocks. */
    void changed() {
        unsaved = true;
        if (dirty.availablePermits() == 0) {
            dirty.release();
        }
    }

    private void run() {
        while (!closed) {
            try {
                dirty.acquire();
            } catch (InterruptedException e) {
                return;
            }
            dirty.drainPermits();
            writeNow();
        }
    }

    private synchronized void writeNow() {
        unsaved = false; // before the snapshot: a change during the write sets it again
        try {
            file.write(snapshot.get());
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save the local cloud's state to {}: {}", file.path(), e.toString());
        }
    }

    /**
     * Writes the state now if it changed since the last write began, and returns once what was changed is on disk
     * (a write under way holds this monitor, so it is waited for). The CloudFormation API calls this before it answers, so what a client was
     * shown (UPDATE_IN_PROGRESS, say) is never lost to a kill -9 of the local cloud, as CloudFormation never
     * forgets an operation it reported; the answer was computed first, so this snapshot holds all it showed.
     */
    synchronized void flushIfChanged() {
        if (!closed && unsaved) {
            writeNow();
        }
    }

    /** Writes the state one last time and stops the thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeNow();
    }

    static Supplier<SavedState> of(SavedStateCodec codec, Supplier<List<Stack>> stacks) {
        return () -> codec.save(stacks.get());
    }
}
