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
 */
public record Session(Target target, String notice, String starting, boolean running, String logFile) {

    Session withTarget(Target t) {
        return new Session(t, notice, starting, running, logFile);
    }

    Session withNotice(String n) {
        return new Session(target, n, starting, running, logFile);
    }

    Session withStarting(String s) {
        return new Session(target, notice, s, running, logFile);
    }

    Session withRunning(boolean r) {
        return new Session(target, notice, starting, r, logFile);
    }
}
