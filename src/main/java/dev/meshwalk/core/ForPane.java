package dev.meshwalk.core;

/**
 * A {@link Msg} that changes one action's pane; front-ends that follow a pane (line mode) watch for these. The
 * nested kinds name the pane for messages only one pane takes, so those records need not say it themselves.
 */
public interface ForPane {

    Action action();

    /** A message that only the deploy pane takes (the deploy flow, waiting for a busy stack). */
    interface Deploy extends ForPane {
        @Override
        default Action action() {
            return Action.DEPLOY;
        }
    }

    /** A message of the teardown menu's work. */
    interface Teardown extends ForPane {
        @Override
        default Action action() {
            return Action.TEARDOWN;
        }
    }

    /** A message of the traffic loop, which has one pane. */
    interface Traffic extends ForPane {
        @Override
        default Action action() {
            return Action.TRAFFIC;
        }
    }
}
