package dev.meshwalk.core;

import java.util.List;

/**
 * What one action's pane shows: a status and a few lines of text. The actions layer replaces the placeholder
 * panes with live ones (deploy progress, traffic samples, the map) through Msgs; the views draw whatever is here.
 */
public record ActionPane(Action action, Status status, List<String> lines) {

    public ActionPane {
        lines = List.copyOf(lines);
    }

    /** The honest pane shown before the actions exist: what it will do, and that it is not here yet. */
    public static ActionPane placeholder(Action action) {
        return new ActionPane(action, Status.UNAVAILABLE, List.of(
                action.purpose() + ".",
                "Comes with the local cloud; not available in this build yet."));
    }
}
