package dev.meshwalk.core;

/**
 * This run of the tutorial as the status bar and the help tell it: where stacks go, the latest notice, what is
 * still starting, whether long work runs (quitting then asks first) and where the log goes.
 *
 * @param target   where stacks go, as the status bar shows it
 * @param notice   status-bar message (problems, hints), or null
 * @param starting what is still starting (shown in the status bar), or null once everything is up
 * @param running  something long-running is active; quitting asks first
 * @param logFile  where logs go, named in the help overlay
 * @param deployParameters stack parameters the learner set for deploys ({@code deploy 3 ColorWeight=90}); later
 *                 deploys keep them until set again
 */
public record Session(Target target, String notice, String starting, boolean running, String logFile,
                      java.util.Map<String, String> deployParameters) {

    public Session {
        deployParameters = deployParameters == null ? java.util.Map.of() : java.util.Map.copyOf(deployParameters);
    }

    Session(Target target, String notice, String starting, boolean running, String logFile) {
        this(target, notice, starting, running, logFile, java.util.Map.of());
    }

    Session withTarget(Target t) {
        return new Session(t, notice, starting, running, logFile, deployParameters);
    }

    Session withNotice(String n) {
        return new Session(target, n, starting, running, logFile, deployParameters);
    }

    Session withStarting(String s) {
        return new Session(target, notice, s, running, logFile, deployParameters);
    }

    /** The learner's parameters merged over those set before: a deploy keeps earlier values until changed. */
    Session withDeployParameters(java.util.Map<String, String> set) {
        java.util.Map<String, String> merged = new java.util.LinkedHashMap<>(deployParameters);
        merged.putAll(set);
        return new Session(target, notice, starting, running, logFile, merged);
    }

    Session withRunning(boolean r) {
        return new Session(target, notice, starting, r, logFile, deployParameters);
    }
}
