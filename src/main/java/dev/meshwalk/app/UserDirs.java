package dev.meshwalk.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * The XDG base directories the tutorial uses: config (saved progress) and state (log file, line-mode history,
 * the background local cloud's state file and log, the cost notices already accepted). One place, so every
 * process of the tutorial agrees on where they are even when HOME and Java's user.home differ.
 * Built from an environment map and home folder so tests never touch the real ones.
 */
record UserDirs(Path config, Path state) {

    static UserDirs from(Map<String, String> env, String home) {
        return new UserDirs(
                base(env.get("XDG_CONFIG_HOME"), Path.of(home, ".config")).resolve("meshwalk"),
                base(env.get("XDG_STATE_HOME"), Path.of(home, ".local", "state")).resolve("meshwalk"));
    }

    /** $HOME first, as the XDG spec says; Java's user.home comes from the password database and may differ. */
    static UserDirs from(Map<String, String> env) {
        String home = env.get("HOME");
        return from(env, home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    private static Path base(String value, Path fallback) {
        // The XDG spec says relative paths are invalid and must be ignored.
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }

    Path progressFile() {
        return config.resolve("progress.json");
    }

    Path logFile() {
        return state.resolve("meshwalk.log");
    }

    Path historyFile() {
        return state.resolve("line-history");
    }
}
