package dev.meshwalk.effects;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudSetupException;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.Msg;

/**
 * The connect/target flow: opens the tutorial's target once (attaches to the shared local cloud, starting it if needed) and hands its
 * session to the other flows. The full screen connects right after the first frame; line mode on first use, so
 * reading chapters never starts a cloud. Thread-safe: the connection is a future every flow may wait on.
 */
final class TargetLink implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TargetLink.class);

    private final TargetConnector connector;
    private final Consumer<Msg> post;
    private final CompletableFuture<TargetConnector.Connection> connection = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    private final Consumer<CloudSession> opened;

    TargetLink(TargetConnector connector, Consumer<Msg> post, Consumer<CloudSession> opened) {
        this.connector = connector;
        this.post = post;
        this.opened = opened;
    }

    /** Claims the one connect; false when it was claimed before (then nothing is to be done). */
    boolean claim() {
        return started.compareAndSet(false, true);
    }

    /** Opens the target (after {@link #claim}); may take seconds. Its progress goes to the status bar. */
    void connect() {
        try {
            TargetConnector.Connection c = connector.connect(what -> post.accept(new Msg.Starting(what)));
            if (!connection.complete(c)) {
                stopQuietly(c); // closed while it was starting: nothing may outlive the tutorial
                return;
            }
            post.accept(new Msg.TargetResolved(c.target()));
            post.accept(new Msg.Starting(null));
            opened.accept(c.session());
        } catch (CloudSetupException e) {
            connection.completeExceptionally(e);
            post.accept(new Msg.Starting(null));
            post.accept(new Msg.TargetFailed(Failures.message(e), false));
        } catch (RuntimeException e) {
            connection.completeExceptionally(e);
            post.accept(new Msg.Starting(null));
            post.accept(new Msg.TargetFailed(Failures.message(e), true));
        }
    }

    /** Whether the target is being opened right now (the map then says it follows shortly). */
    boolean starting() {
        return started.get() && !connection.isDone();
    }

    /** The session, connecting first if nobody did; or empty after telling {@code pane} why there is none. */
    Optional<CloudSession> session(Action pane) {
        if (claim()) {
            connect();
        }
        try {
            return Optional.of(connection.get(10, TimeUnit.MINUTES).session());
        } catch (ExecutionException e) {
            post.accept(new Msg.TargetUnavailable(pane, Failures.message(e.getCause())));
        } catch (TimeoutException e) {
            post.accept(new Msg.TargetUnavailable(pane, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** Whether the open target is real AWS (longer waits apply). */
    boolean onAws() {
        return connection.isDone() && !connection.isCompletedExceptionally()
                && connection.join().session().target().kind() == CloudTarget.Kind.AWS;
    }

    /** Stops the target (the shared local cloud outlives it), or a connect still under way once it completes. */
    @Override
    public void close() {
        connection.cancel(false);
        if (connection.isDone() && !connection.isCompletedExceptionally()) {
            stopQuietly(connection.join());
        }
    }

    private static void stopQuietly(TargetConnector.Connection c) {
        try {
            c.session().close();
            c.stop().close();
        } catch (Exception e) {
            LOG.warn("stopping the target failed", e);
        }
    }
}
