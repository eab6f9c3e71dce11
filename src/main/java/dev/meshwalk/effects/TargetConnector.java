package dev.meshwalk.effects;

import java.util.function.Consumer;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.core.Target;

/**
 * Opens the tutorial's target. Supplied by the composition root ({@code app}), because starting the embedded local
 * cloud needs {@code localcloud}, which effects may not import; effects only see a session and a way to stop.
 */
public interface TargetConnector {

    /**
     * Opens the target; may take seconds (starting the local cloud, resolving AWS credentials). Throws
     * {@link dev.meshwalk.cloud.CloudSetupException} with next steps when the target cannot be used.
     *
     * @param progress short texts for the status bar while it starts
     */
    Connection connect(Consumer<String> progress);

    /** An open target: the SDK session, its status-bar label, and what to stop on exit (e.g. the local cloud). */
    record Connection(CloudSession session, Target target, AutoCloseable stop) {
    }
}
