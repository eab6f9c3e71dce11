package dev.meshwalk.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The action panes (deploy, traffic, map, metrics, teardown) and the dialogues they hold.
 *
 * @param focused  the action whose pane is shown in the lesson view's strip or fills the body
 * @param byAction one pane per action
 * @param scroll   lines scrolled back from the newest in the open action pane (0 = follow the newest)
 * @param map      the service map pane: last graph answer, window, label mode, table view, pan offset
 * @param teardown the teardown menu: the inventory with the learner's picks and cursor (empty until listed)
 * @param deploy   the deploy the deploy pane is in the middle of (its order, what it showed, its change set),
 *                 or null when none waits for an answer
 * @param parameters the deploy pane's parameters view, or null when it is closed
 */
public record Panes(Action focused, Map<Action, ActionPane> byAction, int scroll, MapView map, TeardownMenu teardown,
        PendingDeploy deploy, ParameterForm parameters) {

    public Panes {
        EnumMap<Action, ActionPane> copy = new EnumMap<>(Action.class);
        copy.putAll(byAction);
        byAction = Collections.unmodifiableMap(copy);
        teardown = teardown == null ? TeardownMenu.empty() : teardown;
    }

    /** Every pane untouched, the deploy pane focused. */
    static Panes initial() {
        Map<Action, ActionPane> panes = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            panes.put(a, ActionPane.untouched(a));
        }
        return new Panes(Action.DEPLOY, panes, 0, MapView.initial(), TeardownMenu.empty(), null, null);
    }

    public ActionPane get(Action action) {
        return byAction.get(action);
    }

    Panes withFocused(Action a) {
        return new Panes(a, byAction, scroll, map, teardown, deploy, parameters);
    }

    Panes with(ActionPane pane) {
        Map<Action, ActionPane> copy = new EnumMap<>(Action.class);
        copy.putAll(byAction);
        copy.put(pane.action(), pane);
        return new Panes(focused, copy, scroll, map, teardown, deploy, parameters);
    }

    Panes withScroll(int v) {
        return new Panes(focused, byAction, Math.max(0, v), map, teardown, deploy, parameters);
    }

    Panes withMap(MapView m) {
        return new Panes(focused, byAction, scroll, m, teardown, deploy, parameters);
    }

    Panes withTeardown(TeardownMenu t) {
        return new Panes(focused, byAction, scroll, map, t, deploy, parameters);
    }

    Panes withDeploy(PendingDeploy d) {
        return new Panes(focused, byAction, scroll, map, teardown, d, parameters);
    }

    Panes withParameters(ParameterForm p) {
        return new Panes(focused, byAction, scroll, map, teardown, deploy, p);
    }
}
