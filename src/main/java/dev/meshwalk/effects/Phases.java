package dev.meshwalk.effects;

import dev.meshwalk.cloud.StackStatuses;
import dev.meshwalk.core.Status;

/** CloudFormation phases in the core's one status vocabulary, so every pane draws them with the same symbols. */
final class Phases {

    private Phases() {
    }

    static Status status(StackStatuses.Phase phase) {
        switch (phase) {
            case PENDING:
                return Status.NOT_STARTED;
            case IN_PROGRESS:
                return Status.IN_PROGRESS;
            case DONE:
            case DELETED:
                return Status.OK;
            case FAILED:
                return Status.FAILED;
            default:
                return Status.WARNING; // rolling back / rolled back
        }
    }

    static String bar(double share, int width, boolean unicode) {
        double s = Double.isNaN(share) ? 0 : Math.max(0, Math.min(1, share));
        int full = (int) Math.round(s * width);
        return (unicode ? "█" : "#").repeat(full) + (unicode ? "░" : ".").repeat(width - full);
    }

    static String seconds(java.time.Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
