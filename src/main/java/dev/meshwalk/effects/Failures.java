package dev.meshwalk.effects;

import dev.meshwalk.cloud.CloudSetupException;

/** An error as the one-line fact the effects report: a setup problem's explanation, else the message. */
final class Failures {

    private Failures() {
    }

    static String message(Throwable e) {
        if (e instanceof CloudSetupException c) {
            return c.explain().replace(System.lineSeparator(), " ").replace('\n', ' ');
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
