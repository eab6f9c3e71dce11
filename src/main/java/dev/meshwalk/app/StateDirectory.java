package dev.meshwalk.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the tutorial keeps machine-local state (the background local cloud's state and log): 
 * {@code $XDG_STATE_HOME/meshwalk} (when absolute), else {@code ~/.local/state/meshwalk}.
 */
final class StateDirectory {

    private StateDirectory() {
    }

    static Path of(Map<String, String> env) {
        // Relative values are ignored, as the XDG spec says (and as `localcloud` does when it writes its state).
        Optional<String> xdg = Optional.ofNullable(env.get("XDG_STATE_HOME")).filter(s -> !s.isBlank())
                .filter(s -> Path.of(s).isAbsolute());
        Path base = xdg.map(Path::of).orElseGet(() -> Path.of(Optional.ofNullable(env.get("HOME"))
                .filter(h -> !h.isBlank()).orElse(System.getProperty("user.home")), ".local", "state"));
        return base.resolve("meshwalk");
    }
}
